// A fake Slack Web API: a real HTTP server on 127.0.0.1 that records every call and answers the
// methods the bot uses, plus response_url endpoints under /respond/. Failures can be queued per method.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  method: string;
  body: Record<string, any>;
  at: number;
}

type Failure = { status: 429; retryAfter: number } | { error: string };

export interface FakeSlack {
  url: string;
  calls: SlackCall[];
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

export async function startFakeSlack(users: Directory): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const failures = new Map<string, Failure[]>();
  let ts = 1_700_000_000;

  const answer = (method: string, b: Record<string, any>): Record<string, unknown> => {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T0001', user: 'improvement-bot' };
      case 'chat.postMessage':
        return { ok: true, channel: b.channel, ts: `${ts++}.000100`, message: { text: b.text } };
      case 'chat.update':
        return { ok: true, channel: b.channel, ts: b.ts };
      case 'views.open':
      case 'views.publish':
        return { ok: true, view: { id: `V${calls.length}` } };
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
    calls.push({ method, body, at: Date.now() });
    const fail = failures.get(method)?.shift();
    if (fail && 'status' in fail) {
      res.writeHead(429, { 'retry-after': String(fail.retryAfter), 'content-type': 'application/json' });
      return res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
    }
    if (isRespond) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      return res.end('ok');
    }
    const out = fail ? { ok: false, error: fail.error } : answer(method, body);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(out));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const fakeSlack: FakeSlack = {
    url,
    calls,
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
