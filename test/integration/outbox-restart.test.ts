// A restart sends nobody anything twice. The bot sends the morning's ISAP reminders and escalations
// through Teams (one person has blocked it), is stopped, and is started again on the same DATA_DIR:
// the new process finishes only what the old one left unsent, so no one gets a card they already
// had, and the person who blocked the bot is not tried again. Behavioural on purpose: it holds
// whatever the outbox (src/delivery/outbox.ts) does inside, as long as recipients see each card once.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeConnector, type FakeConnector } from '../fakes/teams-connector';
import { startTestBot, type TestBot } from '../helpers/bot';
import { cardOf, demoUser, installed, message, postActivity, textOf } from '../helpers/teams-activities';

const tom = demoUser(2, 'Tom Okafor');
const rachel = demoUser(3, 'Rachel Green');
const jo = demoUser(5, 'Jo Williams');
/** A school day, 07:30 in London: the daily run's time. */
const MORNING = '2026-11-18T07:30:00Z';

let fake: FakeConnector;
let dataDir = '';
let bot: TestBot | undefined;
let o: { serviceUrl: string };

beforeAll(async () => {
  fake = await startFakeConnector();
  o = { serviceUrl: fake.url };
  dataDir = await mkdtemp(path.join(tmpdir(), 'ibot-outbox-restart-'));
});
afterAll(async () => {
  await bot?.stop();
  await fake.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Cards each Teams conversation has received (accepted by the connector), as text. */
const received = () => {
  const by = new Map<string, string[]>();
  for (const p of fake.posted().filter((x) => x.status === 201)) by.set(p.conversationId, [...(by.get(p.conversationId) ?? []), textOf(cardOf(p.activity))]);
  return by;
};
const tries = (conversationId: string) => fake.requests.filter((r) => r.method === 'POST' && decodeURIComponent(r.path).startsWith(`/v3/conversations/${conversationId}/activities`));
/** Lets a restarted bot finish whatever it means to resend, and the connector hear it. */
const settle = async (t: TestBot) => {
  await t.bot.outbox.idle();
  await new Promise((r) => setTimeout(r, 300));
  await t.bot.outbox.idle();
};

describe('the outbox across a restart', () => {
  let before = new Map<string, string[]>();

  it('sends the morning run through Teams, once each, and gives up on a chat that blocked the bot', async () => {
    // Without the playground, whose local chats would take notifications meant for Teams here.
    bot = await startTestBot({ dataDir, now: MORNING, boot: { playground: false } });
    for (const u of [tom, rachel, jo]) expect((await postActivity(bot.url, installed(u, o))).status).toBe(200);
    fake.fail((r) => r.method === 'POST' && decodeURIComponent(r.path).startsWith(`/v3/conversations/a:personal-${rachel.id}/activities`), 403, 100);
    await bot.bot.scheduler.run('daily');
    await settle(bot);
    before = received();
    // Jo is told her phonics action is overdue; Tom gets the Director's escalations.
    expect(before.get(`a:personal-${jo.id}`)?.join('\n')).toContain('Overdue: please update it');
    expect(before.get(`a:personal-${tom.id}`)?.join('\n')).toContain('Escalated to the Director of School Improvement');
    // Rachel blocked the bot: tried once, then left alone.
    expect(tries(`a:personal-${rachel.id}`)).toHaveLength(1);
    expect(before.has(`a:personal-${rachel.id}`)).toBe(false);
    await bot.stop();
    bot = undefined;
  });

  it('restarted on the same DATA_DIR, sends nobody a card they already had, and does not try the blocked chat again', async () => {
    const requestsBefore = fake.requests.length;
    bot = await startTestBot({ dataDir, now: '2026-11-18T07:45:00Z', boot: { playground: false } });
    await settle(bot);
    expect(received()).toEqual(before);
    expect(fake.requests.slice(requestsBefore).filter((r) => r.method === 'POST' && r.path.includes('/activities'))).toEqual([]);
    expect(tries(`a:personal-${rachel.id}`)).toHaveLength(1);
  });

  it('still sends what is new after the restart, once', async () => {
    const t = bot!;
    const count = (received().get(`a:personal-${tom.id}`) ?? []).length;
    expect((await postActivity(t.url, message(tom, 'help', o))).status).toBe(200);
    await settle(t);
    const now = received().get(`a:personal-${tom.id}`) ?? [];
    expect(now).toHaveLength(count + 1);
    expect(now.at(-1)).toContain('Tom Okafor');
  });
});
