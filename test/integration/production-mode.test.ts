// Production never reaches local mode or the Emulator-style Teams endpoint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api';
import { startTestBot, type TestBot } from '../helpers/bot';

let fake: FakeSlack;
let t: TestBot;

beforeAll(async () => {
  fake = await startFakeSlack({});
  t = await startTestBot({
    env: { NODE_ENV: 'production', SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: `${fake.url}/api/` },
  });
});
afterAll(async () => {
  await t.stop();
  await fake.close();
});

describe('production with only Slack configured', () => {
  it('has no Teams endpoint (it would accept unauthenticated activities) and no playground', async () => {
    const teams = await fetch(`${t.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'help', from: { id: 'x' }, conversation: { id: 'c' }, serviceUrl: 'http://127.0.0.1:9/' }),
    });
    expect(teams.status).toBe(404);
    expect((await fetch(`${t.url}/`)).status).toBe(404);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });
});
