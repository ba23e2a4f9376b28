// Teams' limits end to end: activities posted to /api/messages as Teams sends them, and a fake
// connector that refuses what Teams refuses (over 28 KB: 413; past 7/1 s, 8/2 s a conversation: 429).
// A person always sees something: the card, or a short one saying it was too large and what to type.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Approval } from '../../src/domain';
import { startFakeConnector, type FakeConnector, type RecordedRequest } from '../fakes/teams-connector';
import { startTestBot, type TestBot } from '../helpers/bot';
import { cardAction, cardOf, demoUser, installed, message, postActivity, textOf } from '../helpers/teams-activities';

const amira = demoUser(1, 'Amira Shah'); // CEO: decides approvals
const tom = demoUser(2, 'Tom Okafor');
const amiraChat = `a:personal-${amira.id}`;

let t: TestBot;
let fake: FakeConnector;
let o: { serviceUrl: string };
let logged: string[] = [];

beforeAll(async () => {
  fake = await startFakeConnector();
  o = { serviceUrl: fake.url };
  t = await startTestBot({ boot: { playground: false } });
  for (const u of [amira, tom]) await postActivity(t.url, installed(u, o));
});
afterAll(async () => {
  await t.stop();
  await fake.close();
});
beforeEach(() => {
  logged = [];
  const keep = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
  vi.spyOn(console, 'warn').mockImplementation(keep);
  vi.spyOn(console, 'error').mockImplementation(keep);
});
afterEach(async () => {
  vi.restoreAllMocks();
  fake.heal();
  await t.bot.outbox.idle();
  // Each test adds its own decisions; none carries over.
  await t.bot.store.transact((d) => {
    d.approvals = d.approvals.filter((a) => !a.id.startsWith('extra-'));
  });
});

const toAmira = (r: RecordedRequest) => r.method === 'POST' && r.path.startsWith(`/v3/conversations/${encodeURIComponent(amiraChat)}/activities`);

/** Pending CEO decisions like the demo's, `facts` long each (a real one has five). */
async function addApprovals(n: number, facts = 5, name = 'small'): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `extra-${name}-${i + 1}`);
  await t.bot.store.transact((d) => {
    const demo = d.approvals.find((a) => a.id === 'oakfield-red')!;
    for (const [i, id] of ids.entries()) {
      const a: Approval = {
        ...structuredClone(demo),
        id,
        title: `Deploy support to school ${i + 1}`,
        kind: 'support-deployment',
        status: 'pending',
        requestedAt: new Date(Date.parse(demo.requestedAt) + (i + 1) * 60_000).toISOString(),
        facts: Array.from({ length: facts }, (_, f) => ({ title: `Evidence ${f + 1}`, value: `Visit note ${f + 1}: ${'attendance and behaviour follow-up, reviewed with the headteacher. '.repeat(2)}` })),
      };
      d.approvals.push(a);
    }
  });
  return ids;
}

describe('Teams limits: replies in a turn', () => {
  it('paces the approvals cards under Teams’ per-conversation limits: all arrive in order, none refused with 429', async () => {
    await addApprovals(10); // with the demo's one, 11 waiting: a header and the oldest 10
    const before = fake.requests.length;
    expect((await postActivity(t.url, message(amira, 'approvals', o))).status).toBe(200);
    const sent = await fake.waitFor(() => {
      const mine = fake.requests.slice(before).filter((r) => toAmira(r) && r.status === 201);
      return mine.length >= 11 && mine;
    }, 20_000);
    expect(fake.requests.slice(before).filter(toAmira).map((r) => r.status)).not.toContain(429);
    const titles = sent.map((r) => textOf(cardOf(r.body)).split('\n')[0]);
    expect(titles[0]).toContain('11 decisions waiting');
    expect(textOf(cardOf(sent[1]!.body))).toContain('Move Oakfield Academy');
    expect(textOf(cardOf(sent[10]!.body))).toContain('Deploy support to school 9');
  }, 30_000);

  it('waits out a 429 with Retry-After on a reply and then delivers it', async () => {
    // More 429s than the connector's own three retries: the reply must still arrive.
    fake.fail(toAmira, 429, 4, { 'Retry-After': '1' });
    const before = fake.requests.length;
    await postActivity(t.url, message(amira, 'help', o));
    const attempts = await fake.waitFor(() => {
      const mine = fake.requests.slice(before).filter(toAmira);
      return mine.at(-1)?.status === 201 && mine;
    }, 20_000);
    expect(attempts.map((a) => a.status)).toEqual([429, 429, 429, 429, 201]);
    expect(textOf(cardOf(attempts.at(-1)!.body))).toContain('Amira');
  }, 30_000);

  it('sends a short card instead of one over 28 KB, saying its size and what to type, and logs the view and size', async () => {
    const [big] = await addApprovals(1, 300, 'big');
    const before = fake.requests.length;
    await postActivity(t.url, message(amira, 'approvals', o));
    const sent = await fake.waitFor(() => {
      const mine = fake.requests.slice(before).filter((r) => toAmira(r) && r.status === 201);
      return mine.length >= 3 && mine;
    }, 20_000);
    // Nothing was sent that Teams refused: the bot measured first.
    expect(fake.requests.slice(before).filter(toAmira).map((r) => r.status)).not.toContain(413);
    const texts = sent.map((r) => textOf(cardOf(r.body)));
    expect(texts.some((x) => x.includes('Move Oakfield Academy'))).toBe(true);
    const notice = texts.find((x) => x.includes('too large for Teams'));
    expect(notice).toMatch(/too large for Teams to show \(\d{2,} KB\)/);
    expect(notice).toMatch(/Narrow it/);
    expect(texts.some((x) => x.includes('Deploy support to school 1'))).toBe(false);
    expect(logged.join('\n')).toMatch(/"approval".*\d{2,} KB/);
    expect(t.bot.store.read().postedCards.some((p) => p.subject === `approval:${big}`)).toBe(false);
  }, 30_000);

  it('says so when Teams refuses a reply with 413 all the same', async () => {
    fake.fail(toAmira, 413, 1);
    const before = fake.requests.length;
    await postActivity(t.url, message(amira, 'help', o));
    const notice = await fake.waitFor(() => fake.requests.slice(before).find((r) => toAmira(r) && r.status === 201));
    expect(textOf(cardOf(notice.body))).toMatch(/too large for Teams to show/);
    expect(logged.join('\n')).toMatch(/"help"/);
  });
});

describe('Teams limits: what the bot measures', () => {
  it('keeps room for everything the connector adds around a card (the bot measures the card, Teams the whole activity)', () => {
    const posted = fake.requests.filter((r) => r.method === 'POST' && r.body?.attachments);
    expect(posted.length).toBeGreaterThan(5);
    for (const r of posted) {
      const { type, summary, attachments } = r.body;
      const envelope = Buffer.byteLength(JSON.stringify(r.body)) - Buffer.byteLength(JSON.stringify({ type, summary, attachments }));
      expect(envelope).toBeLessThan(1024);
    }
  });
});

describe('Teams limits: card actions', () => {
  it('answers an Action.Execute whose card would be over 28 KB with the short card (the invoke response is checked too)', async () => {
    const [big] = await addApprovals(1, 300, 'big');
    // postActivity fails the test if the invoke's answer is a card Teams would refuse.
    const res = await postActivity(t.url, cardAction(amira, 'approval.view', { approvalId: big }, { ...o, conversationId: amiraChat, replyToId: 'msg-1' }));
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(textOf(res.body.value)).toMatch(/too large for Teams to show \(\d{2,} KB\)/);
    expect(logged.join('\n')).toMatch(/"approval".*KB/);
  });
});

describe('Teams limits: notifications through the outbox', () => {
  // Its paging line says what to type for less: the notice passes it on.
  const more = '… and 1,612 more: type forum responses page 2';
  const huge = { card: 'list', data: { title: 'Forum responses', intro: 'Beacon Primary: coming. '.repeat(2_000), empty: '', items: [], more }, to: { person: 'amira' } };

  it('does not send a notification over 28 KB: the person gets the short card, the delivery is failed with the reason, once', async () => {
    const before = fake.requests.length;
    await t.bot.outbox.deliver([huge]);
    await t.bot.outbox.idle();
    const mine = fake.requests.slice(before).filter(toAmira);
    expect(mine.map((r) => r.status)).toEqual([201]);
    expect(textOf(cardOf(mine[0]!.body))).toMatch(/too large for Teams to show \(\d{2,} KB\)/);
    expect(textOf(cardOf(mine[0]!.body))).toContain('forum responses page 2');
    const last = (await t.bot.store.deliveries()).at(-1)!;
    expect(last).toMatchObject({ state: 'failed', attempts: 1 });
    expect(last.error).toMatch(/too large/);
    expect(logged.join('\n')).toMatch(/"list".*\d{2,} KB/);
  }, 30_000);

  it('marks a notification Teams refuses with 413 failed at once, tells the person, and does not retry it', async () => {
    fake.fail(toAmira, 413, 1);
    const before = fake.requests.length;
    await t.bot.outbox.deliver([{ card: 'list', data: { title: 'Digest ready', intro: '', empty: '', items: [] }, to: { person: 'amira' } }]);
    await t.bot.outbox.idle();
    const mine = fake.requests.slice(before).filter(toAmira);
    expect(mine.map((r) => r.status)).toEqual([413, 201]);
    expect(textOf(cardOf(mine[1]!.body))).toMatch(/too large for Teams to show/);
    expect((await t.bot.store.deliveries()).at(-1)).toMatchObject({ state: 'failed', attempts: 1 });
  }, 30_000);
});
