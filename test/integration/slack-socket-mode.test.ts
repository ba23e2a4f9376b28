// Slack over Socket Mode (SLACK_APP_TOKEN): the bot opens a WebSocket to the URL that
// apps.connections.open gives, acks each envelope on it, and answers as over HTTP.
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api';
import { startTestBot, type TestBot } from '../helpers/bot';

let fake: FakeSlack;
let wss: WebSocket.Server;
let t: TestBot;
const received: Record<string, unknown>[] = [];
let socket: WebSocket | undefined;

beforeAll(async () => {
  fake = await startFakeSlack({ U00000HT1: 'rachel.green@demo-trust.example' });
  wss = new WebSocket.Server({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  wss.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (m) => received.push(JSON.parse(String(m))));
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A0001' } }));
  });
  fake.socketModeUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link`;
  t = await startTestBot({ env: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-test', SLACK_API_URL: `${fake.url}/api/` } });
});
afterAll(async () => {
  await t?.stop();
  await new Promise((r) => wss?.close(r));
  await fake?.close();
});

describe('Slack Socket Mode', () => {
  it('connects with the app token and serves no HTTP endpoint', async () => {
    expect(fake.of('apps.connections.open')).toHaveLength(1);
    expect(socket).toBeDefined();
    const res = await fetch(`${t.url}/slack/events`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
  });

  it('acks a slash command on the socket and answers through its response_url', async () => {
    socket!.send(
      JSON.stringify({
        envelope_id: 'env-1',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: { command: '/improve', text: 'help', user_id: 'U00000HT1', user_name: 'rachel', channel_id: 'D00000HT1', channel_name: 'directmessage', team_id: 'T0001', response_url: fake.responseUrl('socket'), trigger_id: 'sm.1', api_app_id: 'A0001' },
      }),
    );
    await fake.waitFor(() => fake.of('respond').length === 1);
    expect(received).toContainEqual(expect.objectContaining({ envelope_id: 'env-1' }));
    expect(JSON.stringify(fake.of('respond')[0]!.body.blocks)).toContain('You are Rachel Green');
  });
});
