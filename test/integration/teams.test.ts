// Teams end to end: real activities posted to /api/messages, the real bot and store, and a fake Bot
// Connector on 127.0.0.1 that receives every reply, update and proactive message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardProblems } from '../../src/cards/validate';
import { startFakeConnector, type FakeConnector } from '../fakes/teams-connector';
import { startTestBot, type TestBot } from '../helpers/bot';
import { botAdded, cardAction, cardOf, demoUser, installed, message, postActivity, textOf, uninstalled } from '../helpers/teams-activities';

const amira = demoUser(1, 'Amira Shah');
const tom = demoUser(2, 'Tom Okafor');
const rachel = demoUser(3, 'Rachel Green');
const mark = { id: '29:user-mark', name: 'Mark Ellis' }; // no aadObjectId on the activity: found by roster email

const pendingId = 'oakfield-red'; // the demo trust's pending CEO decision (deciders: Amira, Mark)

let t: TestBot;
let fake: FakeConnector;
let o: { serviceUrl: string };

beforeAll(async () => {
  fake = await startFakeConnector();
  o = { serviceUrl: fake.url };
  // Without the playground, whose local chats would take notifications meant for Teams here.
  t = await startTestBot({ boot: { playground: false } });
});
afterAll(async () => {
  if (process.env.DUMP) console.log(fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`).join('\n'));
  await t.stop();
  await fake.close();
});

/** Every card the adapter sent so far passes the official adaptivecards checks. */
function expectValidCards() {
  for (const p of [...fake.posted(), ...fake.updated()]) {
    const card = cardOf(p.activity);
    if (card) expect(cardProblems(card), textOf(card)).toEqual([]);
  }
}

describe('Teams channel', () => {
  it('answers a command typed with an @mention with its card, in the same conversation', async () => {
    const before = fake.posted().length;
    const res = await postActivity(t.url, message(rachel, 'help', { ...o, mention: true, conversationType: 'channel', conversationId: '19:beacon@thread.tacv2' }));
    expect(res.status).toBe(200);
    const sent = await fake.waitFor(() => fake.posted().slice(before).find((p) => p.conversationId === '19:beacon@thread.tacv2'));
    expect(textOf(cardOf(sent.activity))).toContain('Rachel Green');
    expectValidCards();
  });

  it('answers in a channel thread and keeps the channel (not each thread) as the conversation', async () => {
    const thread = '19:beacon@thread.tacv2;messageid=1700000000000';
    const before = fake.posted().length;
    await postActivity(t.url, message(rachel, 'help', { ...o, mention: true, conversationType: 'channel', conversationId: thread }));
    const sent = await fake.waitFor(() => fake.posted().slice(before)[0]);
    expect(sent.conversationId).toBe(thread);
    const keys = t.bot.store.read().conversations.filter((c) => c.key.startsWith('teams:19:beacon')).map((c) => c.key);
    expect(keys).toEqual(['teams:19:beacon@thread.tacv2']);
  });

  it('de-duplicates a redelivered activity: the same id is answered once', async () => {
    const activity = message(rachel, 'help', { ...o, id: 'redelivered-1' });
    const before = fake.posted().length;
    expect((await postActivity(t.url, activity)).status).toBe(200);
    expect((await postActivity(t.url, activity)).status).toBe(200);
    expect(fake.posted().slice(before)).toHaveLength(1);
  });

  it('answers someone it cannot match with the polite unknown-person card', async () => {
    const before = fake.posted().length;
    await postActivity(t.url, message({ id: '29:stranger', name: 'Pat Jones' }, 'approvals', o));
    const sent = await fake.waitFor(() => fake.posted()[before]);
    const text = textOf(cardOf(sent.activity));
    expect(text).toContain("Hello Pat Jones, I don't know you yet");
    expect(text).toContain('tom.okafor@demo-trust.example');
    // The roster was asked for the email before giving up.
    expect(fake.requests.some((r) => r.method === 'GET' && r.path.endsWith('/members/29%3Astranger'))).toBe(true);
  });

  it('keeps the conversation reference when the app is installed in a 1:1 chat or added to a team', async () => {
    for (const u of [amira, tom, rachel]) expect((await postActivity(t.url, installed(u, o))).status).toBe(200);
    await postActivity(t.url, botAdded(rachel, { ...o, conversationType: 'channel', conversationId: '19:slt@thread.tacv2' }));
    const convs = t.bot.store.read().conversations.filter((c) => c.platform === 'teams');
    const tomChat = convs.find((c) => c.key === `teams:a:personal-${tom.id}`);
    expect(tomChat).toMatchObject({ kind: 'personal', personId: 'tom', blocked: false });
    expect((tomChat!.ref as any).serviceUrl).toBe(fake.url);
    expect(convs.find((c) => c.key === 'teams:19:slt@thread.tacv2')).toMatchObject({ kind: 'channel' });
  });

  let approvalMessageId = '';
  it('lists the pending decision as an approval card with buttons and a refresh for the people who may act', async () => {
    const before = fake.posted().length;
    await postActivity(t.url, message(amira, '/approvals', o));
    const sent = await fake.waitFor(() => fake.posted().slice(before).length >= 2 && fake.posted().slice(before));
    const approval = sent.map((p) => cardOf(p.activity)).find((c) => textOf(c).includes('Move Oakfield Academy'));
    expect(approval.actions.map((a: any) => [a.type, a.verb])).toEqual([['Action.Execute', 'approval.decide'], ['Action.Execute', 'approval.decide']]);
    expect(approval.refresh.action).toMatchObject({ type: 'Action.Execute', verb: 'approval.view', data: { approvalId: pendingId } });
    expect(approval.refresh.userIds).toEqual(expect.arrayContaining([amira.id, tom.id]));
    expect(approval.refresh.userIds.length).toBeLessThanOrEqual(60);
    approvalMessageId = t.bot.store.read().postedCards.find((p) => p.subject === `approval:${pendingId}`)!.messageId;
    expect(approvalMessageId).toMatch(/^msg-/);
    expectValidCards();
  });

  it('keeps a form the person must correct, with what they typed, and says what to fix', async () => {
    const res = await postActivity(t.url, cardAction(amira, 'approval.decide', { approvalId: pendingId, decision: 'reject' }, { ...o, replyToId: approvalMessageId }));
    expect(res.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: expect.stringContaining('Say why in the comment box before rejecting.') });
    const forged = await postActivity(t.url, cardAction(amira, 'approval.decide', { approvalId: pendingId, decision: 'maybe' }, { ...o, replyToId: approvalMessageId }));
    expect(forged.body.type).toBe('application/vnd.microsoft.activity.message');
    expect(forged.body.value).toContain('That card could not be used: decision');
  });

  it('decides once: the second click sees who decided, every copy is updated and the requester is told', async () => {
    fake.roster.push({ id: mark.id, name: 'Mark Ellis', email: 'mark.ellis@demo-trust.example' });
    const first = await postActivity(t.url, cardAction(amira, 'approval.decide', { approvalId: pendingId, decision: 'approve', comment: 'Agreed' }, { ...o, replyToId: approvalMessageId }));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(textOf(first.body.value)).toMatch(/Approved by Amira Shah at Wed 18 Nov, 10:00/);
    expect(first.body.value.actions).toBeUndefined();
    expect(cardProblems(first.body.value)).toEqual([]);

    const second = await postActivity(t.url, cardAction(mark, 'approval.decide', { approvalId: pendingId, decision: 'reject', comment: 'No' }, { ...o, conversationId: 'a:personal-mark', replyToId: 'msg-mark' }));
    expect(textOf(second.body.value)).toContain('Already decided by Amira Shah');
    expect(cardProblems(second.body.value)).toEqual([]);
    expect(t.bot.store.read().approvals.find((a) => a.id === pendingId)!.status).toBe('approved');

    // Tom raised it: told in his 1:1 chat through the connector; the posted approval card is updated in place.
    const told = await fake.waitFor(() => fake.posted().find((p) => p.conversationId === `a:personal-${tom.id}` && textOf(cardOf(p.activity)).includes('Approved: Move Oakfield')));
    expect(told.status).toBe(201);
    const update = await fake.waitFor(() => fake.updated().find((u) => u.activityId === approvalMessageId));
    expect(textOf(cardOf(update.activity))).toContain('Approved by Amira Shah');
    await t.bot.outbox.idle();
    expectValidCards();
  });

  it('refreshes a posted approval card to its decided state for whoever views it', async () => {
    const res = await postActivity(t.url, cardAction(tom, 'approval.view', { approvalId: pendingId }, { ...o, trigger: 'automatic' }));
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(textOf(res.body.value)).toContain('Approved by Amira Shah');
    expect(res.body.value.actions).toBeUndefined();
    expect(cardProblems(res.body.value)).toEqual([]);
    // Someone who neither raised it nor may decide it is not shown it.
    const jo = await postActivity(t.url, cardAction(demoUser(5, 'Jo Williams'), 'approval.view', { approvalId: pendingId }, { ...o, trigger: 'manual' }));
    expect(textOf(jo.body.value)).toContain('not one you raised or may take');
    expect(textOf(jo.body.value)).not.toContain('Oakfield');
  });

  const note = (title: string, person: string) => ({ card: 'list', data: { title, intro: '', empty: '', items: [] }, to: { person } });

  it('honours Retry-After on 429 and delivers once the connector stops refusing', async () => {
    const conv = `a:personal-${tom.id}`;
    const tries = (r: { method: string; path: string }) => r.method === 'POST' && r.path.startsWith(`/v3/conversations/${encodeURIComponent(conv)}/activities`);
    // More 429s than the connector's own three retries, so the outbox's retry has to take over too.
    fake.fail(tries, 429, 5, { 'Retry-After': '1' });
    const before = fake.requests.length;
    await t.bot.outbox.deliver([note('Digest ready', 'tom')]);
    await t.bot.outbox.idle();
    const attempts = fake.requests.slice(before).filter(tries);
    expect(attempts.map((a) => a.status)).toEqual([429, 429, 429, 429, 429, 201]);
    for (let i = 1; i < attempts.length; i++) expect(attempts[i]!.at - attempts[i - 1]!.at).toBeGreaterThanOrEqual(950);
    expect(textOf(cardOf(attempts.at(-1)!.body))).toContain('Digest ready');
    const states = (await t.bot.store.deliveries()).slice(-2).map((d) => d.state);
    expect(states).toEqual(['queued', 'sent']);
  }, 30_000);

  it('marks a conversation blocked on 403 and does not try it again', async () => {
    const conv = `a:personal-${rachel.id}`;
    const tries = (r: { method: string; path: string }) => r.method === 'POST' && r.path.startsWith(`/v3/conversations/${encodeURIComponent(conv)}/activities`);
    fake.fail(tries, 403, 100);
    const before = fake.requests.length;
    await t.bot.outbox.deliver([note('Your ISAP action is overdue', 'rachel')]);
    await t.bot.outbox.idle();
    expect(fake.requests.slice(before).filter(tries)).toHaveLength(1);
    expect(t.bot.store.read().conversations.find((c) => c.key === `teams:${conv}`)!.blocked).toBe(true);
    expect((await t.bot.store.deliveries()).at(-1)!.state).toBe('blocked');

    await t.bot.outbox.deliver([note('Another reminder', 'rachel')]);
    await t.bot.outbox.idle();
    expect(fake.requests.slice(before).filter(tries)).toHaveLength(1);

    // Writing to the bot again unblocks the chat.
    fake.heal();
    await postActivity(t.url, message(rachel, 'help', o));
    expect(t.bot.store.read().conversations.find((c) => c.key === `teams:${conv}`)!.blocked).toBe(false);
  });

  it('opens a 1:1 chat in the tenant for someone the bot has not talked to, and keeps it', async () => {
    const before = fake.requests.length;
    await t.bot.outbox.deliver([note('You are invited to the SEND network', 'sam')]);
    await t.bot.outbox.idle();
    const create = fake.requests.slice(before).find((r) => r.method === 'POST' && r.path === '/v3/conversations')!;
    expect(create.body).toMatchObject({
      isGroup: false,
      tenantId: '00000000-0000-4000-8000-0000000000aa',
      channelData: { tenant: { id: '00000000-0000-4000-8000-0000000000aa' } },
      members: [{ id: '00000000-0000-4000-8000-000000000004' }],
    });
    const stored = t.bot.store.read().conversations.find((c) => c.personId === 'sam' && c.platform === 'teams')!;
    expect(stored.kind).toBe('personal');
    const chatId = stored.key.replace(/^teams:/, '');
    const sent = fake.posted().find((p) => p.conversationId === chatId)!;
    expect(textOf(cardOf(sent.activity))).toContain('SEND network');

    // The next message to Sam uses the stored chat: no second conversation is created.
    await t.bot.outbox.deliver([note('Reminder', 'sam')]);
    await t.bot.outbox.idle();
    expect(fake.requests.slice(before).filter((r) => r.method === 'POST' && r.path === '/v3/conversations')).toHaveLength(1);
    expectValidCards();
  });

  it('forgets a chat when the app is removed from it', async () => {
    await postActivity(t.url, uninstalled(amira, o));
    expect(t.bot.store.read().conversations.some((c) => c.key === `teams:a:personal-${amira.id}`)).toBe(false);
  });
});
