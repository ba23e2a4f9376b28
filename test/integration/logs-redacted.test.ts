// Nothing secret or personal in the logs. botbuilder's errors carry the request they answer (its
// Authorization header, a card full of names) and Graph's bodies echo mailbox addresses; the bot
// logs them as one-line summaries. This captures everything printed while a Teams reply, a slow card
// action's follow-up and a notification fail, Graph keeps failing and tokens are refused, and looks
// for bearer tokens, the app password, email addresses and people's names.
import { randomUUID } from 'node:crypto';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { reply } from '../../src/app/command';
import { createOutbox } from '../../src/delivery/outbox';
import { defineAction, type Workflow } from '../../src/app/registry';
import { startFakeGraph, type FakeGraph } from '../fakes/graph-server';
import { startFakeIssuer, teamsClaims, type FakeIssuer } from '../fakes/openid-issuer';
import { startFakeConnector, type FakeConnector } from '../fakes/teams-connector';
import { startTestBot, type TestBot } from '../helpers/bot';
import { cardAction, demoUser, message, postActivity } from '../helpers/teams-activities';
import { fixedTokenCredentials, mountTeams } from '../helpers/teams-mount';

const APP_ID = '11111111-2222-4333-8444-555555555555';
const APP_PASSWORD = 'app-password-never-logged';
const OUTGOING_TOKEN = 'outgoing-bearer-never-logged';
const GRAPH_CLIENT = { tenantId: 'tenant-1', clientId: 'client-1', clientSecret: 'graph-secret-never-logged' };
const rachel = demoUser(3, 'Rachel Green');
const tom = demoUser(2, 'Tom Okafor');

/** A slow card action (Teams gets a "working on it" card, the result follows through the connector) whose result names people. */
const slow: Workflow = {
  name: 'slow-test',
  summary: 'test only',
  commands: [],
  actions: [
    defineAction({
      verb: 'approvals.list',
      schema: z.object({ ms: z.number() }),
      async run() {
        await new Promise((r) => setTimeout(r, 5_500));
        return reply('list', { title: 'Ready for Rachel Green (rachel.green@demo-trust.example)', intro: '', empty: '', items: [] }, true);
      },
    }),
  ],
};

let issuer: FakeIssuer;
let fake: FakeConnector;
let graph: FakeGraph;
let t: TestBot;
const printed: string[] = [];

beforeAll(async () => {
  issuer = await startFakeIssuer();
  fake = await startFakeConnector({ rateLimits: false });
  graph = await startFakeGraph(GRAPH_CLIENT);
  t = await startTestBot({
    env: { GRAPH_TENANT_ID: GRAPH_CLIENT.tenantId, GRAPH_CLIENT_ID: GRAPH_CLIENT.clientId, GRAPH_CLIENT_SECRET: GRAPH_CLIENT.clientSecret, GRAPH_BASE_URL: graph.url, GRAPH_AUTH_URL: graph.url, GRAPH_CA_FILE: graph.caFile },
    boot: { workflows: [slow] },
  });
  // Everything printed from here on, by the bot or by the SDKs it uses.
  for (const m of ['error', 'warn', 'log', 'info', 'debug', 'trace'] as const) {
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void printed.push(args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 8 }))).join(' ')));
  }
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => (printed.push(String(chunk)), true));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => (printed.push(String(chunk)), true));
});
afterAll(async () => {
  vi.restoreAllMocks();
  await t.stop();
  await fake.close();
  await graph.close();
  await issuer.close();
});

const env = () => ({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: APP_PASSWORD, BOT_OPENID_METADATA_URL: issuer.metadataUrl });
const bearer = (claims = teamsClaims(APP_ID, fake.url)) => ({ authorization: `Bearer ${issuer.sign(claims)}` });
const toConnector = (r: { method: string; path: string }) => r.method === 'POST' && r.path.includes('/activities');

const SECRETS = [APP_PASSWORD, OUTGOING_TOKEN, GRAPH_CLIENT.clientSecret];
const NAMES = ['Rachel', 'Green', 'Tom Okafor', 'Okafor', 'Jo Williams', 'Ben '];

function leaks(text: string): string[] {
  const found: string[] = [];
  for (const s of SECRETS) if (text.includes(s)) found.push(`secret ${s}`);
  for (const m of text.match(/Bearer\s+[\w.~+/=-]{8,}/gi) ?? []) found.push(`bearer ${m.slice(0, 20)}…`);
  for (const m of text.match(/eyJ[\w-]{10,}\.[\w-]{10,}/g) ?? []) found.push(`JWT ${m.slice(0, 16)}…`);
  for (const m of text.match(/\btoken-\d+\b/g) ?? []) found.push(`Graph token ${m}`);
  for (const m of text.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g) ?? []) found.push(`email ${m}`);
  for (const n of NAMES) if (text.includes(n)) found.push(`name ${n.trim()}`);
  return found;
}

describe('logs hold no tokens or personal data', () => {
  it('while a Teams reply, a slow action follow-up and a notification fail, Graph keeps failing and tokens are refused', async () => {
    const server = await mountTeams(t, env(), { credentials: fixedTokenCredentials(APP_ID, OUTGOING_TOKEN) });
    try {
      // 400s: the connector's own client retries 5xx for tens of seconds; what is logged is the same.
      fake.fail(toConnector, 400, 1000);
      fake.fail((r) => r.method === 'PUT', 400, 1000);

      // A reply in a turn, refused by the connector.
      const o = { serviceUrl: fake.url };
      expect((await postActivity(server.url, message(rachel, 'help', o), bearer())).status).toBe(200);

      // A slow card action (Tom may list approvals): its result, naming Rachel, cannot be delivered.
      const res = await postActivity(server.url, cardAction(tom, 'approvals.list', { ms: 0 }, o), bearer());
      expect(res.status).toBe(200);
      await vi.waitFor(() => expect(printed.join('\n')).toContain('slow card action'), { timeout: 15_000, interval: 200 });

      // A notification through the outbox, signed with the bot's outgoing token.
      const outbox = createOutbox(t.bot.store, { now: () => t.clock.now, newId: randomUUID, maxAttempts: 1 });
      outbox.addSender(server.channel.sender!);
      await outbox.deliver([{ card: 'list', data: { title: 'For Rachel Green', intro: '', empty: '', items: [] }, to: { person: 'rachel' } }]);
      await outbox.idle();
      expect(printed.join('\n')).toContain('[outbox] gave up');

      // Graph failing every try, with an error body naming the mailbox.
      graph.failNext(500, 4);
      await t.as('tom').say('forum invite send sendcos');
      expect(printed.join('\n')).toContain('failed after 4 attempts');

      // Refused tokens: wrong audience, forged, expired.
      const other = teamsClaims('99999999-2222-4333-8444-555555555555', fake.url);
      expect((await postActivity(server.url, message(rachel, 'help', o), bearer(other))).status).toBe(401);
      const expired = teamsClaims(APP_ID, fake.url, { exp: Math.floor(Date.now() / 1000) - 3600 });
      expect((await postActivity(server.url, message(rachel, 'help', o), bearer(expired))).status).toBe(401);
    } finally {
      fake.heal();
      await server.close();
    }
    const all = printed.join('\n');
    expect(all).toContain('[teams] could not reply');
    expect(all).toContain('[teams] refused an activity (401)');
    expect(leaks(all)).toEqual([]);
    // Summaries, not the platforms' own words (which may name people), and one line each.
    expect(all).not.toContain('fake 400');
    expect(all).not.toContain('Something failed');
    for (const entry of printed) expect(entry.trimEnd().split('\n'), entry).toHaveLength(1);
  }, 60_000);
});
