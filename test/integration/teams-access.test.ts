// Who may reach the Teams endpoint: with an app id, only activities carrying a valid Bot Framework
// token (botbuilder's JWT validation); with ALLOWED_TENANT_IDS, only those tenants.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeConnector, type FakeConnector } from '../fakes/teams-connector';
import { startTestBot, type TestBot } from '../helpers/bot';
import { demoUser, message, postActivity } from '../helpers/teams-activities';

const rachel = demoUser(3, 'Rachel Green');
let fake: FakeConnector;
beforeAll(async () => {
  fake = await startFakeConnector();
});
afterAll(() => fake.close());

describe('Teams access', () => {
  it('refuses unauthenticated and forged activities with 401 once MICROSOFT_APP_ID is set', async () => {
    const t = await startTestBot({ env: { MICROSOFT_APP_ID: '11111111-2222-4333-8444-555555555555', MICROSOFT_APP_PASSWORD: 'not-a-real-secret' } });
    try {
      const activity = message(rachel, 'help', { serviceUrl: fake.url });
      expect((await postActivity(t.url, activity)).status).toBe(401);
      // A token from no Bot Framework issuer: refused before any key is fetched, so no network is needed.
      const forged = 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiIxMTExMTExMS0yMjIyLTQzMzMtODQ0NC01NTU1NTU1NTU1NTUifQ.';
      expect((await postActivity(t.url, activity, { authorization: forged })).status).toBe(401);
      expect(fake.requests).toHaveLength(0);
      expect(t.bot.store.read().conversations.filter((c) => c.platform === 'teams')).toHaveLength(0);
    } finally {
      await t.stop();
    }
  });

  it('answers 403 to a tenant not in ALLOWED_TENANT_IDS and serves the allowed one', async () => {
    const t = await startTestBot({ env: { ALLOWED_TENANT_IDS: '00000000-0000-4000-8000-0000000000aa, 99999999-0000-4000-8000-000000000000' } });
    try {
      const stranger = await postActivity(t.url, message(rachel, 'help', { serviceUrl: fake.url, tenantId: '12345678-0000-4000-8000-000000000bad' }));
      expect(stranger.status).toBe(403);
      expect(fake.requests).toHaveLength(0);
      expect(t.bot.store.read().conversations.filter((c) => c.platform === 'teams')).toHaveLength(0);

      const ours = await postActivity(t.url, message(rachel, 'help', { serviceUrl: fake.url }));
      expect(ours.status).toBe(200);
      await fake.waitFor(() => fake.posted().length === 1);
    } finally {
      await t.stop();
    }
  });

  it('refuses a body that is not an activity', async () => {
    const t = await startTestBot();
    try {
      const res = await fetch(`${t.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
      expect(res.status).toBe(400);
    } finally {
      await t.stop();
    }
  });
});
