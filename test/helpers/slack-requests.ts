// Signed requests to the bot's /slack/events, as Slack sends them: slash commands and interactivity
// form-encoded, events as JSON, each with a v0 HMAC-SHA256 signature computed here from the raw body.
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

export interface SentRequest {
  status: number;
  body: string;
}

export function sign(raw: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${raw}`).digest('hex')}`;
}

export async function post(
  botUrl: string,
  raw: string,
  contentType: string,
  opts: { secret?: string; timestamp?: number; signature?: string; headers?: Record<string, string> } = {},
): Promise<SentRequest> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(`${botUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': opts.signature ?? sign(raw, timestamp, opts.secret),
      ...opts.headers,
    },
    body: raw,
  });
  return { status: res.status, body: await res.text() };
}

let seq = 0;
export const triggerId = () => `${++seq}.${Date.now()}.trigger`;

export function slashCommand(botUrl: string, fields: { user: string; text: string; channel?: string; responseUrl: string; triggerId?: string }) {
  const raw = new URLSearchParams({
    token: 'legacy',
    team_id: 'T0001',
    team_domain: 'demo-trust',
    channel_id: fields.channel ?? 'D00000CEO',
    channel_name: fields.channel?.startsWith('C') ? 'slt' : 'directmessage',
    user_id: fields.user,
    user_name: fields.user.toLowerCase(),
    command: '/improve',
    text: fields.text,
    api_app_id: 'A0001',
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId ?? triggerId(),
  }).toString();
  return post(botUrl, raw, 'application/x-www-form-urlencoded');
}

export function interaction(botUrl: string, payload: Record<string, unknown>) {
  const raw = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return post(botUrl, raw, 'application/x-www-form-urlencoded');
}

/** What every interaction payload carries: its type, the team, the user, the app. */
function envelope(type: string, user: string) {
  const name = user.toLowerCase();
  return { type, team: { id: 'T0001', domain: 'demo-trust' }, user: { id: user, username: name, name, team_id: 'T0001' }, api_app_id: 'A0001', token: 'legacy' };
}

/** A button click on a message the bot posted. */
export function blockAction(fields: { user: string; channel: string; ts: string; button: { action_id: string; value: string }; responseUrl: string; triggerId?: string }) {
  return {
    ...envelope('block_actions', fields.user),
    container: { type: 'message', message_ts: fields.ts, channel_id: fields.channel, is_ephemeral: false },
    trigger_id: fields.triggerId ?? triggerId(),
    channel: { id: fields.channel, name: 'directmessage' },
    message: { type: 'message', ts: fields.ts, text: 'card' },
    response_url: fields.responseUrl,
    actions: [{ type: 'button', block_id: 'b1', action_id: fields.button.action_id, value: fields.button.value, text: { type: 'plain_text', text: 'x' }, action_ts: '1' }],
  };
}

export function viewSubmission(fields: { user: string; view: Record<string, any>; values: Record<string, Record<string, unknown>>; viewId?: string }) {
  return {
    ...envelope('view_submission', fields.user),
    trigger_id: triggerId(),
    view: {
      id: fields.viewId ?? `V${++seq}`,
      team_id: 'T0001',
      type: 'modal',
      callback_id: fields.view.callback_id,
      private_metadata: fields.view.private_metadata,
      blocks: fields.view.blocks,
      state: { values: fields.values },
      hash: 'h',
    },
  };
}

export function eventCallback(botUrl: string, event: Record<string, unknown>, eventId: string, retryNum?: number) {
  const raw = JSON.stringify({ token: 'legacy', team_id: 'T0001', api_app_id: 'A0001', event, type: 'event_callback', event_id: eventId, event_time: Math.floor(Date.now() / 1000), authorizations: [{ team_id: 'T0001', user_id: 'UBOT', is_bot: true }] });
  const headers: Record<string, string> = retryNum ? { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': 'http_timeout' } : {};
  return post(botUrl, raw, 'application/json', { headers });
}
