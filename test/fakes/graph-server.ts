// A fake Microsoft Graph and Entra token endpoint: a real HTTPS server on 127.0.0.1 with a
// self-signed certificate made by openssl at test time (the Graph SDK sends the bearer token only
// over HTTPS). It issues tokens for one client and checks them on every Graph call.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface GraphCall {
  method: string;
  path: string;
  auth?: string;
  body: Record<string, unknown>;
}

export interface FakeGraph {
  url: string;
  caFile: string;
  calls: GraphCall[];
  tokensIssued: number;
  events: Map<string, Record<string, unknown>>;
  /** The next `times` Graph (not token) calls answer with this status, doing nothing. */
  failNext(status: number, times?: number): void;
  /**
   * The next Graph call does its work (an event is created) but its answer is lost: a status such as
   * 504 from a gateway, or 'stall': no answer for `stallMs` (the client gives up first).
   */
  loseNextAnswer(how: number | 'stall', stallMs?: number): void;
  /**
   * The next `times` Graph calls are throttled as Graph throttles: 429 TooManyRequests with a
   * Retry-After in seconds (learn.microsoft.com, "Microsoft Graph throttling guidance").
   */
  throttle(times?: number, retryAfterSeconds?: number): void;
  /** Graph calls answered 429 so far. */
  throttled: number;
  /** Graph calls answer after this many milliseconds (creating an online meeting takes real Graph a second or two). */
  delayMs: number;
  close(): Promise<void>;
}

export async function startFakeGraph(client: { tenantId: string; clientId: string; clientSecret: string }): Promise<FakeGraph> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fake-graph-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });

  const tokens = new Set<string>();
  let failStatus = 0;
  let failLeft = 0;
  let lose: { how: number | 'stall'; stallMs: number } | undefined;
  /** Events created per mailbox and transactionId: Graph makes one event per transactionId. */
  const byTransaction = new Map<string, string>();
  const stalled = new Set<NodeJS.Timeout>();
  let throttleLeft = 0;
  let throttleSeconds = 1;
  let n = 0;
  const state: FakeGraph = {
    url: '',
    caFile: cert,
    calls: [],
    tokensIssued: 0,
    events: new Map(),
    failNext(s, times = 1) {
      failStatus = s;
      failLeft = times;
    },
    loseNextAnswer(how, stallMs = 5_000) {
      lose = { how, stallMs };
    },
    throttle(times = 1, retryAfterSeconds = 1) {
      throttleLeft = times;
      throttleSeconds = retryAfterSeconds;
    },
    throttled: 0,
    delayMs: 0,
    close: async () => {
      for (const t of stalled) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      rmSync(dir, { recursive: true, force: true });
    },
  };

  const server = https.createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const lost = lose && !req.url?.includes('/oauth2/') && tokens.has((req.headers.authorization ?? '').replace(/^Bearer /, '')) && !throttleLeft && !failLeft ? lose : undefined;
      if (lost) lose = undefined;
      const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
        if (lost && status < 400) {
          if (lost.how === 'stall') {
            const t = setTimeout(() => {
              stalled.delete(t);
              if (!res.destroyed) res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
            }, lost.stallMs);
            return void stalled.add(t);
          }
          res.writeHead(lost.how, { 'content-type': 'application/json' });
          return void res.end(JSON.stringify({ error: { code: 'UnknownError', message: 'The gateway timed out.' } }));
        }
        const answer = () => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(body === undefined ? '' : JSON.stringify(body));
        };
        if (state.delayMs && !req.url?.includes('/oauth2/')) setTimeout(answer, state.delayMs);
        else answer();
      };
      const url = new URL(req.url ?? '/', 'https://127.0.0.1');
      if (req.method === 'POST' && url.pathname === `/${client.tenantId}/oauth2/v2.0/token`) {
        const form = new URLSearchParams(raw);
        if (form.get('client_id') !== client.clientId || form.get('client_secret') !== client.clientSecret || form.get('grant_type') !== 'client_credentials') {
          return send(401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' });
        }
        const token = `token-${++state.tokensIssued}`;
        tokens.add(token);
        return send(200, { token_type: 'Bearer', expires_in: 3599, access_token: token });
      }
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      const auth = req.headers.authorization;
      state.calls.push({ method: req.method ?? '', path: url.pathname, auth, body });
      if (!auth || !tokens.has(auth.replace(/^Bearer /, ''))) return send(401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } });
      if (throttleLeft > 0) {
        throttleLeft--;
        state.throttled++;
        return send(429, { error: { code: 'TooManyRequests', message: 'Too many requests. Please try again later.' } }, { 'retry-after': String(throttleSeconds) });
      }
      if (failLeft > 0) {
        failLeft--;
        const s = failStatus;
        // Graph's messages name the mailbox ("…the requested user 'x@y' …"): the bot must not log them.
        const mailbox = decodeURIComponent(url.pathname.split('/')[3] ?? '');
        return send(s, { error: { code: 'ErrorInternalServerError', message: `Something failed for the requested user '${mailbox}'.` } });
      }
      const m = url.pathname.match(/^\/v1\.0\/users\/([^/]+)\/events(?:\/([^/]+))?$/);
      if (m && req.method === 'POST' && !m[2]) {
        const tx = typeof body.transactionId === 'string' ? `${m[1]}\n${body.transactionId}` : undefined;
        const earlier = tx && byTransaction.get(tx);
        if (earlier) return send(201, state.events.get(earlier));
        const id = `event-${++n}`;
        if (tx) byTransaction.set(tx, id);
        const ev = { ...body, id, organizer: { emailAddress: { address: decodeURIComponent(m[1]!) } }, onlineMeeting: body.isOnlineMeeting ? { joinUrl: `https://teams.microsoft.com/l/meetup-join/${id}` } : null };
        state.events.set(id, ev);
        return send(201, ev);
      }
      if (m && req.method === 'PATCH' && m[2]) {
        const ev = state.events.get(decodeURIComponent(m[2]));
        if (!ev) return send(404, { error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' } });
        Object.assign(ev, body);
        return send(200, ev);
      }
      send(404, { error: { code: 'NotFound', message: `${req.method} ${url.pathname}` } });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  state.url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
