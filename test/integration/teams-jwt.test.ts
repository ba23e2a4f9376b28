// Real Bot Framework JWT validation for Teams: the bot has an app id and password and discovers its
// token signing keys at BOT_OPENID_METADATA_URL, here a local issuer (test/fakes/openid-issuer.ts)
// whose RSA key is made for this test. Nothing is fetched beyond 127.0.0.1.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_TENANT_ID } from '../../src/seed/demo-people';
import { startFakeConnector, type FakeConnector } from '../fakes/teams-connector';
import { rsaKey, startFakeIssuer, teamsClaims, type FakeIssuer } from '../fakes/openid-issuer';
import { startTestBot, type TestBot } from '../helpers/bot';
import { botAdded, demoUser, message, postActivity } from '../helpers/teams-activities';
import { fixedTokenCredentials, mountTeams } from '../helpers/teams-mount';

const APP_ID = '11111111-2222-4333-8444-555555555555';
const APP_PASSWORD = 'app-password-never-logged';
const OTHER_TENANT = '12345678-0000-4000-8000-000000000bad';
/** Allowed too: its tokens are good for its own activities only. */
const SECOND_TENANT = '99999999-0000-4000-8000-000000000000';
const rachel = demoUser(3, 'Rachel Green');

let issuer: FakeIssuer;
let fake: FakeConnector;
let t: TestBot;
const env = () => ({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: APP_PASSWORD, BOT_OPENID_METADATA_URL: issuer.metadataUrl, ALLOWED_TENANT_IDS: `${DEMO_TENANT_ID},${SECOND_TENANT}` });

beforeAll(async () => {
  issuer = await startFakeIssuer();
  fake = await startFakeConnector();
  t = await startTestBot({ env: env() });
});
afterAll(async () => {
  await t.stop();
  await fake.close();
  await issuer.close();
});
afterEach(() => {
  issuer.mode = 'ok';
  vi.restoreAllMocks();
});

/** Conversation update: the bot added to Rachel's 1:1 chat. Accepted, it is remembered; nothing is sent. */
const added = (o: { tenantId?: string } = {}) => botAdded(rachel, { serviceUrl: fake.url, conversationId: `a:jwt-${Math.random()}`, ...o });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const remembered = (conversationId: string) => t.bot.store.read().conversations.some((c) => c.key === `teams:${conversationId}`);

describe('Teams tokens checked against the keys at BOT_OPENID_METADATA_URL', () => {
  it('accepts an activity with a valid token, having fetched the keys from the local issuer', async () => {
    const a = added();
    const res = await postActivity(t.url, a, bearer(issuer.sign(teamsClaims(APP_ID, fake.url))));
    expect(res.status).toBe(200);
    expect(remembered(a.conversation.id)).toBe(true);
    expect(issuer.requests).toEqual(['/v1/.well-known/openidconfiguration', '/v1/.well-known/keys']);
  });

  const refusals: [string, () => { token: string; tenantId?: string }][] = [
    ['a forged signature (same kid, another key)', () => ({ token: issuer.sign(teamsClaims(APP_ID, fake.url), { key: rsaKey().privateKey }) })],
    ['a token expired ten minutes ago (past the 5 minutes of clock skew allowed)', () => ({ token: issuer.sign(teamsClaims(APP_ID, fake.url, { exp: Math.floor(Date.now() / 1000) - 600 })) })],
    ['a token for another bot (audience)', () => ({ token: issuer.sign(teamsClaims('99999999-2222-4333-8444-555555555555', fake.url)) })],
    ['a token from another issuer', () => ({ token: issuer.sign(teamsClaims(APP_ID, fake.url, { iss: 'https://evil.example' })) })],
    ["an Emulator issuer's token (botbuilder would fetch Entra's keys for it)", () => ({ token: issuer.sign(teamsClaims(APP_ID, fake.url, { iss: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/', appid: APP_ID, ver: '1.0' })) })],
    ['a token naming another tenant', () => ({ token: issuer.sign(teamsClaims(APP_ID, fake.url, { tid: OTHER_TENANT })) })],
    ["another tenant's token on an activity claiming ours", () => ({ token: issuer.sign(teamsClaims(APP_ID, fake.url, { tid: SECOND_TENANT })) })],
    ['alg: none', () => ({ token: issuer.sign(teamsClaims(APP_ID, fake.url), { header: { alg: 'none' } }) })],
    ['HS256 keyed with the public key (algorithm confusion)', () => ({ token: issuer.sign(teamsClaims(APP_ID, fake.url), { header: { alg: 'HS256' } }) })],
    ['a token for another serviceUrl (replies would go elsewhere)', () => ({ token: issuer.sign(teamsClaims(APP_ID, 'https://smba.example/')) })],
    ['a malformed token', () => ({ token: 'not.a.jwt' })],
  ];
  it.each(refusals)('refuses %s with 401', async (_name, make) => {
    const { token, tenantId } = make();
    const a = added({ tenantId });
    const res = await postActivity(t.url, a, bearer(token));
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'unauthorized' });
    expect(remembered(a.conversation.id)).toBe(false);
  });

  it('still answers 403 to a validly signed activity from a tenant not allowed, when the token names none', async () => {
    const a = added({ tenantId: OTHER_TENANT });
    const res = await postActivity(t.url, a, bearer(issuer.sign(teamsClaims(APP_ID, fake.url))));
    expect(res.status).toBe(403);
    expect(remembered(a.conversation.id)).toBe(false);
  });

  it('accepts a token naming an allowed tenant on that tenant\'s activity', async () => {
    const a = added({ tenantId: SECOND_TENANT });
    expect((await postActivity(t.url, a, bearer(issuer.sign(teamsClaims(APP_ID, fake.url, { tid: SECOND_TENANT }))))).status).toBe(200);
    expect(remembered(a.conversation.id)).toBe(true);
  });

  it('answers and replies through the connector when the token is valid', async () => {
    const server = await mountTeams(t, env(), { credentials: fixedTokenCredentials(APP_ID, 'outgoing-test-token') });
    try {
      const before = fake.posted().length;
      const res = await postActivity(server.url, message(rachel, 'help', { serviceUrl: fake.url }), bearer(issuer.sign(teamsClaims(APP_ID, fake.url))));
      expect(res.status).toBe(200);
      await fake.waitFor(() => fake.posted().length > before);
    } finally {
      await server.close();
    }
  });
});

describe('an issuer that cannot be reached', () => {
  const logged = () => {
    const lines: string[] = [];
    for (const m of ['error', 'warn', 'log', 'info'] as const) vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
    return lines;
  };

  it('answers 503 (so Teams retries), never 500, with one log line naming the metadata URL and no stack to the caller', async () => {
    const gone = await startFakeIssuer();
    const metadataUrl = gone.metadataUrl;
    const token = gone.sign(teamsClaims(APP_ID, fake.url));
    await gone.close(); // nothing listens there now: connection refused
    const bot = await startTestBot({ env: { ...env(), BOT_OPENID_METADATA_URL: metadataUrl } });
    try {
      const lines = logged();
      const a = added();
      const res = await postActivity(bot.url, a, bearer(token));
      expect(res.status).toBe(503);
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js|ECONNREFUSED|node_modules/);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(metadataUrl);
      expect(bot.bot.store.read().conversations.some((c) => c.key === `teams:${a.conversation.id}`)).toBe(false);
    } finally {
      await bot.stop();
    }
  });

  it('answers 503 when the issuer answers 500, and accepts again once it is back', async () => {
    const flaky = await startFakeIssuer();
    const bot = await startTestBot({ env: { ...env(), BOT_OPENID_METADATA_URL: flaky.metadataUrl } });
    try {
      flaky.mode = 'error';
      const lines = logged();
      expect((await postActivity(bot.url, added(), bearer(flaky.sign(teamsClaims(APP_ID, fake.url))))).status).toBe(503);
      expect(lines).toEqual([expect.stringContaining(flaky.metadataUrl)]);
      flaky.mode = 'ok';
      expect((await postActivity(bot.url, added(), bearer(flaky.sign(teamsClaims(APP_ID, fake.url))))).status).toBe(200);
    } finally {
      await bot.stop();
      await flaky.close();
    }
  });

  it('answers 503 when the issuer never answers, after a bounded wait', async () => {
    const stuck = await startFakeIssuer();
    stuck.mode = 'hang';
    const server = await mountTeams(t, { ...env(), BOT_OPENID_METADATA_URL: stuck.metadataUrl }, { keysTimeoutMs: 300 });
    try {
      const lines = logged();
      const started = Date.now();
      expect((await postActivity(server.url, added(), bearer(stuck.sign(teamsClaims(APP_ID, fake.url))))).status).toBe(503);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(lines).toEqual([expect.stringContaining(stuck.metadataUrl)]);
    } finally {
      await server.close();
      await stuck.close();
    }
  });
});
