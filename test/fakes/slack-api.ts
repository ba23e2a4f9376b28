// A fake Slack Web API: a real HTTP server on 127.0.0.1 that records every call and answers the
// methods the bot uses, plus response_url endpoints under /respond/. Failures can be queued per method.
// Like Slack, it refuses Block Kit that breaks a documented limit (invalid_blocks; a response_url
// answers HTTP 400 `invalid_blocks`) and chat.postMessage faster than a channel allows (429).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { slackPayloadProblems, type SlackSurface } from './platform-limits';

/**
 * chat.postMessage: "generally allows posting one message per second per channel", short bursts
 * over that allowed (docs.slack.dev, Rate limits). Modelled as a bucket of `burst` messages that
 * refills one a second.
 */
export const SLACK_POST_RATE = { perSecond: 1, burst: 3 } as const;

/** Which methods carry Block Kit, and where: the message itself, or its `view`. */
const BLOCK_KIT: Record<string, (b: Record<string, any>) => { payload: Record<string, any>; surface: SlackSurface } | undefined> = {
  'chat.postMessage': (b) => ({ payload: b, surface: 'message' }),
  'chat.update': (b) => ({ payload: b, surface: 'message' }),
  'chat.postEphemeral': (b) => ({ payload: b, surface: 'message' }),
  respond: (b) => ({ payload: b, surface: 'message' }),
  'views.open': (b) => view(b),
  'views.update': (b) => view(b),
  'views.push': (b) => view(b),
  'views.publish': (b) => view(b),
};

function view(b: Record<string, any>): { payload: Record<string, any>; surface: SlackSurface } | undefined {
  if (!b.view || typeof b.view !== 'object') return undefined;
  return { payload: b.view, surface: b.view.type === 'home' ? 'home' : 'modal' };
}

/** What Slack would refuse in this call, by method (empty for methods without Block Kit). */
export function slackCallProblems(method: string, body: Record<string, any>): string[] {
  const found = BLOCK_KIT[method]?.(body);
  if (!found) return method.startsWith('views.') ? ['view is missing'] : [];
  return slackPayloadProblems(found.payload, found.surface);
}

export interface SlackCall {
  method: string;
  body: Record<string, any>;
  at: number;
  /** Why the fake refused it (Block Kit limits, rate), if it did. */
  refused?: string;
}

type Failure = { status: 429; retryAfter: number } | { error: string };

export interface FakeSlack {
  url: string;
  calls: SlackCall[];
  /** Every message posted (chat.postMessage accepted), oldest first. */
  messages: PostedMessage[];
  /** Calls of one Web API method (or 'respond' for response_url posts). */
  of(method: string): SlackCall[];
  failNext(method: string, failure: Failure): void;
  /** Waits until `pred` holds for the recorded calls. */
  waitFor(pred: (calls: SlackCall[]) => boolean, ms?: number): Promise<void>;
  responseUrl(id: string): string;
  /** The WebSocket URL apps.connections.open hands out (Socket Mode). */
  socketModeUrl?: string;
  close(): Promise<void>;
}

/** Slack users the fake knows: id → email (users.info, users.lookupByEmail). */
export type Directory = Record<string, string>;

export interface FakeSlackOptions {
  /** Answer 429 to chat.postMessage past a channel's rate (default true). */
  rateLimits?: boolean;
  /** How long chat.postMessage takes to answer; the message is in the channel from the start, as on Slack. */
  postLatencyMs?: number;
}

/** A message in a channel, as conversations.history gives it back. */
export interface PostedMessage {
  channel: string;
  ts: string;
  text: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

export async function startFakeSlack(users: Directory, opts: FakeSlackOptions = {}): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const messages: PostedMessage[] = [];
  const failures = new Map<string, Failure[]>();
  let ts = 1_700_000_000;
  /** Per channel: tokens left in the bucket and when it was last filled. */
  const buckets = new Map<string, { tokens: number; at: number }>();

  /** Seconds to wait before this channel may take another message, or 0 to take it now. */
  const postWait = (channel: string, now: number): number => {
    if (opts.rateLimits === false) return 0;
    const { perSecond, burst } = SLACK_POST_RATE;
    const b = buckets.get(channel) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSecond);
    b.at = now;
    buckets.set(channel, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / perSecond));
  };

  const answer = (method: string, b: Record<string, any>): Record<string, unknown> => {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T0001', user: 'improvement-bot' };
      case 'chat.postMessage': {
        const m: PostedMessage = { channel: b.channel, ts: `${ts++}.000100`, text: b.text, ...(b.metadata ? { metadata: b.metadata } : {}) };
        messages.push(m);
        return { ok: true, channel: b.channel, ts: m.ts, message: { text: b.text } };
      }
      case 'conversations.history': {
        // Newest first; metadata only when asked for (include_all_metadata).
        const withMeta = String(b.include_all_metadata) === 'true';
        const found = messages.filter((m) => m.channel === b.channel).reverse().slice(0, Number(b.limit ?? 100));
        return { ok: true, messages: found.map(({ channel: _c, metadata, ...m }) => ({ type: 'message', ...m, ...(withMeta && metadata ? { metadata } : {}) })), has_more: false };
      }
      case 'chat.update':
        return { ok: true, channel: b.channel, ts: b.ts };
      case 'views.open':
      case 'views.push':
      case 'views.publish':
        return { ok: true, view: { id: `V${calls.length}` } };
      case 'views.update':
        return { ok: true, view: { id: b.view_id ?? `V${calls.length}` } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${ts++}.000200` };
      case 'users.info':
        return users[b.user] ? { ok: true, user: { id: b.user, name: b.user.toLowerCase(), real_name: users[b.user]!.split('@')[0], profile: { email: users[b.user] } } } : { ok: false, error: 'user_not_found' };
      case 'users.lookupByEmail': {
        const id = Object.keys(users).find((k) => users[k] === b.email);
        return id ? { ok: true, user: { id } } : { ok: false, error: 'users_not_found' };
      }
      case 'apps.connections.open':
        return fakeSlack.socketModeUrl ? { ok: true, url: fakeSlack.socketModeUrl } : { ok: false, error: 'not_allowed_token_type' };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(b.users).slice(1)}` } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  };

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://x');
    const isRespond = url.pathname.startsWith('/respond/');
    const method = isRespond ? 'respond' : url.pathname.replace(/^\/api\//, '');
    const body = parseBody(raw, req.headers['content-type'] ?? '');
    if (isRespond) body.responseUrlId = url.pathname.slice('/respond/'.length);
    const call: SlackCall = { method, body, at: Date.now() };
    calls.push(call);
    const ratelimited = (retryAfter: number) => {
      call.refused ??= 'ratelimited';
    console.warn(`[fake slack] ${method} answered 429 (Retry-After ${retryAfter})`);
      res.writeHead(429, { 'retry-after': String(retryAfter), 'content-type': 'application/json' });
      return res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
    };
    const fail = failures.get(method)?.shift();
    if (fail && 'status' in fail) return ratelimited(fail.retryAfter);
    const problems = fail ? [] : slackCallProblems(method, body);
    if (problems.length) {
      call.refused = problems.join('; ');
      // Said in the test's output: the bot may swallow the refusal, and a test should not.
      console.warn(`[fake slack] refused ${method}: ${call.refused}`);
    }
    if (isRespond) {
      // A response_url answers like an incoming webhook: a status and a plain-text error.
      res.writeHead(problems.length ? 400 : 200, { 'content-type': 'text/plain' });
      return res.end(problems.length ? 'invalid_blocks' : 'ok');
    }
    if (problems.length) {
      res.writeHead(200, { 'content-type': 'application/json' });
      const onlyText = problems.every((p) => p.startsWith('text is'));
      return res.end(JSON.stringify({ ok: false, error: onlyText ? 'msg_too_long' : 'invalid_blocks', errors: problems, response_metadata: { messages: problems.map((p) => `[ERROR] ${p}`) } }));
    }
    if (!fail && method === 'chat.postMessage') {
      const wait = postWait(String(body.channel ?? ''), call.at);
      if (wait) return ratelimited(wait);
    }
    const out = fail ? { ok: false, error: fail.error } : answer(method, body);
    if (method === 'chat.postMessage' && opts.postLatencyMs) await new Promise((r) => setTimeout(r, opts.postLatencyMs));
    if (res.destroyed) return;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(out));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const fakeSlack: FakeSlack = {
    url,
    calls,
    messages,
    of: (method) => calls.filter((c) => c.method === method),
    failNext(method, failure) {
      failures.set(method, [...(failures.get(method) ?? []), failure]);
    },
    async waitFor(pred, ms = 5_000) {
      const end = Date.now() + ms;
      while (!pred(calls)) {
        if (Date.now() > end) throw new Error(`timed out; calls so far: ${calls.map((c) => c.method).join(', ')}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    responseUrl: (id) => `${url}/respond/${id}`,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
  return fakeSlack;
}

/** The Web API client sends forms whose nested values (blocks, view) are JSON; respond() sends JSON. */
function parseBody(raw: string, type: string): Record<string, any> {
  if (!raw) return {};
  if (type.includes('application/json')) return JSON.parse(raw);
  const out: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return out;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}
