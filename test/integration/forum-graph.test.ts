// Forum invitations with Microsoft Graph configured, against a fake Graph over HTTPS: the calendar
// event with a Teams meeting is created, then updated as more people are invited; the token is
// fetched with client credentials and sent on every call; a Graph failure never stops invitations.
import { beforeAll, describe, expect, it } from 'vitest';
import { replyText, type TestBot } from '../helpers/bot';
import { GRAPH_CLIENT, useGraphBot } from '../helpers/graph-bot';
import type { FakeGraph } from '../fakes/graph-server';
import { clientCredentialsProvider } from '../../src/graph/token';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { graphCalendar } from '../../src/graph/calendar';

const CLIENT = GRAPH_CLIENT;
const { inbox, started } = useGraphBot();
let graph: FakeGraph;
let t: TestBot;
beforeAll(() => void ({ graph, t } = started));

const send = () => t.bot.store.read().forums.find((f) => f.id === 'send-network-2026-au2')!;

describe('forum invitations with Microsoft Graph', () => {
  it("creates the event with a Teams meeting in the organiser's calendar, and the invitation carries the link", async () => {
    const o = await t.as('tom').say('forum invite send sendcos');
    expect(replyText(o)).toContain('3 invited (the SEND network). A calendar event with a Teams meeting was created.');
    const call = graph.calls.find((c) => c.method === 'POST')!;
    expect(call.path).toBe('/v1.0/users/tom.okafor%40demo-trust.example/events');
    expect(call.auth).toBe('Bearer token-1');
    expect(call.body).toMatchObject({
      subject: 'SEND network',
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      start: { dateTime: '2026-12-08T15:45:00', timeZone: 'UTC' },
      end: { dateTime: '2026-12-08T17:00:00', timeZone: 'UTC' },
      location: { displayName: 'Online' },
    });
    const emails = (call.body.attendees as { emailAddress: { address: string } }[]).map((a) => a.emailAddress.address).sort();
    expect(emails).toEqual(['femi.adeyemi@demo-trust.example', 'jo.williams@demo-trust.example', 'lucy.adams@demo-trust.example']);
    expect(send().graphEventId).toBe('event-1');
    expect(send().onlineMeetingUrl).toBe('https://teams.microsoft.com/l/meetup-join/event-1');
    await t.bot.outbox.idle();
    expect(inbox.of('jo').join('\n')).toContain('Join the Teams meeting');
    expect(replyText(await t.as('lucy').say('forum'))).toContain('SEND network');
  });

  it('updates the same event when more people are invited, reusing the token', async () => {
    const o = await t.as('tom').say('forum invite send category:amber');
    expect(replyText(o)).toContain('The calendar event was updated.');
    const patch = graph.calls.filter((c) => c.method === 'PATCH');
    expect(patch).toHaveLength(1);
    expect(patch[0]!.path).toBe('/v1.0/users/tom.okafor%40demo-trust.example/events/event-1');
    expect((patch[0]!.body.attendees as unknown[]).length).toBe(5);
    expect(graph.tokensIssued).toBe(1);
    expect(graph.events.size).toBe(1);
  });

  it('still invites in chat when Graph fails, and says so', async () => {
    graph.failNext(500, 4); // every try (src/graph/retry.ts makes 4)
    inbox.clear();
    const o = await t.as('tom').say('forum invite send dsl');
    expect(replyText(o)).toContain('1 invited (the DSL network). The calendar event could not be created or updated; the invitations went out in chat.');
    await t.bot.outbox.idle();
    expect(inbox.of('ben').join('\n')).toContain('SEND network');
    expect(send().invites.some((i) => i.personId === 'ben')).toBe(true);
    expect(send().graphEventId).toBe('event-1');
  });

  it('reports a wrong client secret with Entra\'s own words, not the secret', async () => {
    const bad = clientCredentialsProvider({ ...CLIENT, clientSecret: 'wrong', authUrl: graph.url, ca: readFileSync(graph.caFile, 'utf8') });
    const err = await bad.getAccessToken().then(() => undefined, (e: Error) => e);
    expect(err?.message).toContain('Graph token request failed (401): AADSTS7000215');
    expect(err?.message).not.toContain('wrong');
  });

  it('never sends the token over plain HTTP (why the fake serves HTTPS)', async () => {
    const seen: (string | undefined)[] = [];
    const plain = http.createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"code":"InvalidAuthenticationToken","message":"no token"}}');
    });
    await new Promise<void>((r) => plain.listen(0, '127.0.0.1', () => r()));
    const cal = graphCalendar({ ...CLIENT, baseUrl: `http://127.0.0.1:${(plain.address() as AddressInfo).port}`, authUrl: graph.url, caFile: graph.caFile });
    const input = { organiserEmail: 'tom.okafor@demo-trust.example', subject: 'x', startsAt: '2026-12-08T15:45:00Z', endsAt: '2026-12-08T17:00:00Z', body: 'x', attendees: [] };
    await expect(cal.upsertForumEvent(input)).rejects.toThrow();
    await new Promise<void>((r) => plain.close(() => r()));
    expect(seen).toEqual([undefined]);
  });
});
