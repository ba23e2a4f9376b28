// Microsoft Graph failing as it does under load, against the fake Graph over HTTPS: 429 with
// Retry-After, 5xx, answers that never come or are lost after the event was made. Each is retried a
// bounded number of times, a calendar event is never created twice, and when Graph keeps failing the
// person who invited is told (and the log says status and code, not who was invited).
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { graphCalendar } from '../../src/graph/calendar';
import type { FakeGraph } from '../fakes/graph-server';
import { replyText, type TestBot } from '../helpers/bot';
import { GRAPH_CLIENT, useGraphBot } from '../helpers/graph-bot';

const CLIENT = GRAPH_CLIENT;
const { inbox, started } = useGraphBot();
let graph: FakeGraph;
let t: TestBot;
beforeAll(() => void ({ graph, t } = started));
afterEach(() => vi.restoreAllMocks());

const calls = (method: string) => graph.calls.filter((c) => c.method === method).length;
/** The same calendar as the bot's, with waits short enough for a test. */
const quick = (timeoutMs = 2_000) => graphCalendar({ ...CLIENT, baseUrl: graph.url, authUrl: graph.url, caFile: graph.caFile }, { retry: { baseMs: 20 }, timeoutMs });
const input = (key: string, emails = ['jo.williams@demo-trust.example']) => ({
  organiserEmail: 'tom.okafor@demo-trust.example',
  subject: `Test ${key}`,
  startsAt: '2026-12-08T15:45:00Z',
  endsAt: '2026-12-08T17:00:00Z',
  body: 'x',
  attendees: emails.map((email) => ({ name: 'Someone', email })),
  idempotencyKey: key,
});

describe('Graph failures are retried with backoff, a bounded number of times', () => {
  it('waits out 429s with Retry-After and creates the forum event once', async () => {
    graph.throttle(2, 1);
    const posts = calls('POST');
    const started = Date.now();
    const o = await t.as('tom').say('forum invite send sendcos');
    expect(replyText(o)).toContain('A calendar event with a Teams meeting was created.');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900); // two Retry-After: 1 waited out
    expect(graph.throttled).toBe(2);
    expect(calls('POST') - posts).toBe(3);
    expect(graph.events.size).toBe(1);
    expect(t.bot.store.read().forums.find((f) => f.id === 'send-network-2026-au2')?.graphEventId).toBe('event-1');
  });

  it.each([500, 502, 503, 504])('retries a %i with a growing wait, then succeeds', async (status) => {
    graph.failNext(status, 2);
    const before = graph.calls.length;
    const ev = await quick().upsertForumEvent(input(`retry-${status}`));
    expect(graph.calls.length - before).toBe(3);
    expect(graph.events.get(ev.eventId)?.subject).toBe(`Test retry-${status}`);
  });

  it('does not retry what retrying cannot mend (400, 403, 404)', async () => {
    for (const status of [400, 403, 404]) {
      graph.failNext(status);
      const before = graph.calls.length;
      await expect(quick().upsertForumEvent(input(`no-retry-${status}`))).rejects.toThrow(`failed after 1 attempt: ${status}`);
      expect(graph.calls.length - before).toBe(1);
    }
  });

  it('gives up after 4 tries when Graph keeps failing, and says so in status and code', async () => {
    graph.failNext(503, 10);
    const before = graph.calls.length;
    await expect(quick().upsertForumEvent(input('down'))).rejects.toThrow('Microsoft Graph create event failed after 4 attempts: 503 ErrorInternalServerError');
    expect(graph.calls.length - before).toBe(4);
    graph.failNext(503, 0);
  });

  it('does not wait a Retry-After longer than it allows: reports at once', async () => {
    graph.throttle(1, 60);
    const before = graph.calls.length;
    await expect(quick().upsertForumEvent(input('long-wait'))).rejects.toThrow('failed after 1 attempt: 429 TooManyRequests');
    expect(graph.calls.length - before).toBe(1);
  });

  it('retries an update (PATCH) that got a 503', async () => {
    const cal = quick();
    const ev = await cal.upsertForumEvent(input('patch'));
    graph.failNext(503, 1);
    const again = await cal.upsertForumEvent({ ...input('patch', ['jo.williams@demo-trust.example', 'lucy.adams@demo-trust.example']), eventId: ev.eventId });
    expect(again.eventId).toBe(ev.eventId);
    expect((graph.events.get(ev.eventId)?.attendees as unknown[]).length).toBe(2);
  });
});

describe('a create is never made twice', () => {
  it('when the answer to a create is lost (504 after the event was made), the retry gets the same event', async () => {
    const size = graph.events.size;
    graph.loseNextAnswer(504);
    const ev = await quick().upsertForumEvent(input('lost-504'));
    expect(graph.events.size).toBe(size + 1);
    expect(graph.events.get(ev.eventId)?.subject).toBe('Test lost-504');
  });

  it('when a create goes unanswered past the timeout, the retry gets the same event', async () => {
    const size = graph.events.size;
    graph.loseNextAnswer('stall', 3_000);
    const ev = await quick(300).upsertForumEvent(input('stalled'));
    expect(graph.events.size).toBe(size + 1);
    expect(ev.eventId).toBe([...graph.events.keys()].at(-1));
  });

  it('when every try failed after the first made the event, a later invitation finds it and brings its attendees up to date', async () => {
    const size = graph.events.size;
    graph.loseNextAnswer(504);
    graph.failNext(503, 0);
    const cal = graphCalendar({ ...CLIENT, baseUrl: graph.url, authUrl: graph.url, caFile: graph.caFile }, { retry: { baseMs: 20, attempts: 1 } });
    await expect(cal.upsertForumEvent(input('later'))).rejects.toThrow('failed after 1 attempt: 504');
    const ev = await cal.upsertForumEvent(input('later', ['jo.williams@demo-trust.example', 'lucy.adams@demo-trust.example']));
    expect(graph.events.size).toBe(size + 1);
    expect((graph.events.get(ev.eventId)?.attendees as unknown[]).length).toBe(2);
  });
});

describe('when Graph finally fails', () => {
  it('tells the person who invited, keeps the invitations, and logs one line with status and code but no address or name', async () => {
    const lines: string[] = [];
    for (const m of ['error', 'warn', 'log', 'info'] as const) vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
    graph.failNext(500, 4);
    const before = graph.calls.length;
    const o = await t.as('tom').say('forum invite send dsl');
    expect(replyText(o)).toContain('The calendar event could not be created or updated; the invitations went out in chat.');
    expect(graph.calls.length - before).toBe(4);
    expect(t.bot.store.read().forums.find((f) => f.id === 'send-network-2026-au2')?.invites.some((i) => i.personId === 'ben')).toBe(true);
    const log = lines.join('\n');
    expect(log).toContain('failed after 4 attempts: 500 ErrorInternalServerError');
    expect(log).not.toMatch(/@|Tom|Okafor|Bearer|token-\d/);
  });
});
