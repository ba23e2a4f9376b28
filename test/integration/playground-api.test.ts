// The playground's HTTP API without a browser: input checked with zod (a clear 400, nothing
// changed), notifications and in-place updates through the real outbox, and 404 outside local mode.
import { rm } from 'node:fs/promises';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalView } from '../../src/app/views/approval-view';
import { startTestBot, type TestBot } from '../helpers/bot';
import { playgroundSession, type PlaygroundSession } from '../helpers/playground';

type Msg = { id: string; seq: number; from: { kind: string }; text?: string; card?: unknown; updated?: boolean };

let t: TestBot;
let pg: PlaygroundSession;
beforeAll(async () => {
  t = await startTestBot();
  pg = await playgroundSession(t.url);
});
afterAll(() => t.stop());

const post = async (path: string, body: unknown) => {
  const res = await pg.post(`/playground/api/${path}`, body);
  return { status: res.status, body: (await res.json()) as { error?: string; ok?: boolean; delivered?: number } };
};
const messages = async (as: string, conversation: string): Promise<Msg[]> => {
  const res = await pg.get(`/playground/api/messages?as=${as}&conversation=${encodeURIComponent(conversation)}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { messages: Msg[] }).messages;
};
const state = async () =>
  (await pg.get('/playground/api/state').then((r) => r.json())) as {
    people: { id: string; unread: number }[];
    channels: { key: string; name: string; unread: number }[];
  };
const snapshot = async () => JSON.stringify([t.bot.store.read(), (await t.bot.store.audit()).length, (await t.bot.store.deliveries()).length]);

describe('playground API', () => {
  it('runs in local mode and serves the page, its script and Microsoft\'s renderer', async () => {
    expect(t.bot.store.read().conversations.filter((c) => c.platform === 'local').length).toBeGreaterThan(3);
    const page = await fetch(`${t.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('/playground/adaptivecards.min.js');
    const ac = await fetch(`${t.url}/playground/adaptivecards.min.js`);
    expect(ac.status).toBe(200);
    expect(await ac.text()).toContain('ExecuteAction');
  });

  it('refuses bad input with a 400 saying what is wrong, and changes nothing', async () => {
    const before = await snapshot();
    const cases: [unknown, RegExp][] = [
      ['{not json', /not valid JSON/],
      [{ as: 'nobody', conversation: 'local:person:amira', text: 'help' }, /as: no one with the id "nobody"/],
      [{ as: 'jo', conversation: 'local:person:amira', text: 'approvals' }, /someone else's personal chat/],
      [{ as: 'jo', conversation: 'teams:somewhere', text: 'help' }, /no playground conversation/],
      [{ as: 'jo', conversation: 'local:person:jo', text: '   ' }, /text: type a command/],
      [{ as: 'jo', conversation: 'local:person:jo' }, /text:/],
      [[1, 2], /expected object/],
    ];
    for (const [body, error] of cases) {
      const r = await post('say', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error).toMatch(error);
    }
    const act = await post('act', { as: 'amira', conversation: 'local:person:amira', messageId: 'not-here', verb: 'approval.decide', data: { approvalId: 'oakfield-red', decision: 'approve' } });
    expect(act.status).toBe(400);
    expect(act.body.error).toContain('that card is not in this conversation');
    const noVerb = await post('act', { as: 'amira', conversation: 'local:person:amira', messageId: 'x', data: {} });
    expect(noVerb.body.error).toMatch(/^verb:/);
    expect(await snapshot()).toBe(before);
    expect(await messages('jo', 'local:person:jo')).toEqual([]);
    const q = await pg.get('/playground/api/messages?as=amira');
    expect(q.status).toBe(400);
  });

  it('a notification to a person lands in their chat, marked new until read; an update replaces it in place', async () => {
    const data = t.bot.store.read();
    const a = data.approvals.find((x) => x.id === 'oakfield-red')!;
    // As raiseApproval does: the card posted to a decider with its subject, so it can be updated later.
    await t.bot.outbox.deliver([{ ...approvalView(data, a, { timeZone: 'Europe/London' }), to: { person: 'mark' }, subject: 'approval:oakfield-red' }]);
    await t.bot.outbox.idle();
    expect((await state()).people.find((p) => p.id === 'mark')!.unread).toBe(1);
    const [posted] = await messages('mark', 'local:person:mark');
    expect(JSON.stringify(posted!.card)).toContain('"verb":"approval.decide"');
    expect((await state()).people.find((p) => p.id === 'mark')!.unread).toBe(0);

    // Amira decides from her own copy; Mark's copy changes where it is.
    expect((await post('say', { as: 'amira', conversation: 'local:person:amira', text: 'approvals' })).status).toBe(200);
    const card = (await messages('amira', 'local:person:amira')).find((m) => JSON.stringify(m.card ?? {}).includes('approval.decide'))!;
    const r = await post('act', { as: 'amira', conversation: 'local:person:amira', messageId: card.id, verb: 'approval.decide', data: { approvalId: 'oakfield-red', decision: 'approve' } });
    expect(r.status).toBe(200);
    await t.bot.outbox.idle();
    const mine = (await messages('amira', 'local:person:amira')).find((m) => m.id === card.id)!;
    expect(JSON.stringify(mine.card)).toContain('Approved by Amira Shah');
    const marks = await messages('mark', 'local:person:mark');
    expect(marks).toHaveLength(1);
    expect(marks[0]!.id).toBe(posted!.id);
    expect(marks[0]!.updated).toBe(true);
    expect(JSON.stringify(marks[0]!.card)).toContain('Approved by Amira Shah');
    expect(JSON.stringify(marks[0]!.card)).not.toContain('approval.decide');
  });

  it('a notification to a channel lands there, and the page hears of it by server-sent events', async () => {
    const events: string[] = [];
    const req = http.get(`${t.url}/playground/api/events?token=${pg.token}`, (res) => res.on('data', (c: Buffer) => events.push(c.toString())));
    await expect.poll(() => events.join('')).toContain('retry:');
    await t.bot.outbox.deliver([{ card: 'list', data: { title: 'Channel news', intro: '', empty: '', items: [] }, to: { conversation: 'local:channel:headteachers' } }]);
    await t.bot.outbox.idle();
    await expect.poll(() => events.join('')).toContain('"conversationKey":"local:channel:headteachers"');
    req.destroy();
    expect((await state()).channels.find((c) => c.key === 'local:channel:headteachers')!.unread).toBe(1);
    const [m] = await messages('sam', 'local:channel:headteachers');
    expect(JSON.stringify(m!.card)).toContain('Channel news');
  });

  it('does not keep a safeguarding disclosure, even in the page\'s memory', async () => {
    const r = await post('say', { as: 'jo', conversation: 'local:person:jo', text: 'a pupil told me her dad hit her' });
    expect(r.status).toBe(200);
    const all = await messages('jo', 'local:person:jo');
    expect(JSON.stringify(all)).not.toContain('dad hit her');
    expect(all[0]!.text).toContain('message not kept');
  });

  it('runs the weekly digest on demand', async () => {
    const r = await post('digest', {});
    expect(r.status).toBe(200);
    const slt = await messages('tom', 'local:channel:slt');
    expect(r.body.delivered).toBe(slt.length);
  });
});

describe('playground across a restart', () => {
  it('gives someone added later their own chat, and the page starts afresh while the data stays', async () => {
    const first = await startTestBot();
    const dataDir = first.dataDir;
    await first.bot.store.transact((d) => {
      d.people.push({ ...d.people.find((p) => p.id === 'jo')!, id: 'newbie', name: 'Nia Newcomer', email: 'nia@demo-trust.example', teamsAadObjectId: undefined, slackUserId: undefined });
    });
    await first.bot.stop();
    const again = await startTestBot({ dataDir });
    try {
      expect(again.bot.store.read().conversations.find((c) => c.key === 'local:person:newbie')).toMatchObject({ platform: 'local', kind: 'personal', personId: 'newbie' });
      const session = await playgroundSession(again.url);
      const r = await session.post('/playground/api/say', { as: 'newbie', conversation: 'local:person:newbie', text: 'help' });
      expect(r.status).toBe(200);
      const m = await session.get('/playground/api/messages?as=newbie&conversation=local:person:newbie').then((x) => x.json() as Promise<{ messages: Msg[] }>);
      expect(JSON.stringify(m.messages.at(-1)!.card)).toContain('You are Nia Newcomer');
    } finally {
      await again.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('playground outside local mode', () => {
  let prod: TestBot;
  beforeAll(async () => {
    prod = await startTestBot({ env: { MICROSOFT_APP_ID: 'app', MICROSOFT_APP_PASSWORD: 'secret' } });
  });
  afterAll(() => prod.stop());

  it('is a 404 on every route', async () => {
    for (const [method, path] of [['GET', '/'], ['GET', '/playground/app.js'], ['GET', '/playground/api/state'], ['POST', '/playground/api/say']] as const) {
      const res = await fetch(`${prod.url}${path}`, { method, body: method === 'POST' ? '{}' : undefined });
      expect(res.status, path).toBe(404);
    }
  });
});
