// A fake Bot Connector: a real HTTP server on 127.0.0.1 that records what the bot sends and answers
// as the Bot Framework REST API does (v3 conversations, activities, members). Tests point an
// activity's serviceUrl at it, and can make it answer 429 or 403 for a while. Like Teams, it refuses
// an activity over 28 KB (413 MessageSizeTooBig) or with a card Teams cannot show (400), and more
// messages a conversation than Teams allows a bot (429 with Retry-After).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { teamsActivityProblems } from './platform-limits';

/**
 * Microsoft's per bot, per conversation limits (learn.microsoft.com, "Optimize your bot with rate
 * limiting in Teams"): at most `max` sends in any `ms`. The hourly 1800 is beyond any test.
 */
export const TEAMS_CONVERSATION_LIMITS = [
  { ms: 1_000, max: 7 },
  { ms: 2_000, max: 8 },
  { ms: 30_000, max: 60 },
] as const;

export interface RecordedRequest {
  method: string;
  path: string;
  body: any;
  at: number;
  /** What the fake answered. */
  status?: number;
}

export interface RosterMember {
  id: string;
  name: string;
  aadObjectId?: string;
  email?: string;
  userPrincipalName?: string;
}

export interface SentActivity {
  conversationId: string;
  activityId: string;
  activity: any;
  at: number;
  status: number;
}

interface Failure {
  match: (r: RecordedRequest) => boolean;
  status: number;
  headers: Record<string, string>;
  remaining: number;
}

export interface FakeConnector {
  /** The serviceUrl to put on activities (ends with '/'). */
  url: string;
  requests: RecordedRequest[];
  /** Members GET /v3/conversations/{id}/members/{userId} finds (by id). */
  roster: RosterMember[];
  /** Stops every failure set with `fail`. */
  heal(): void;
  /** Answers the next `times` matching requests with `status` instead. */
  fail(match: (r: RecordedRequest) => boolean, status: number, times: number, headers?: Record<string, string>): void;
  /** Activities posted (including refused attempts: see status). */
  posted(): SentActivity[];
  updated(): SentActivity[];
  waitFor<T>(find: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

export interface FakeConnectorOptions {
  /** Answer 429 past Teams' per-conversation limits (default true). */
  rateLimits?: boolean;
}

export async function startFakeConnector(opts: FakeConnectorOptions = {}): Promise<FakeConnector> {
  const requests: RecordedRequest[] = [];
  const failures: Failure[] = [];
  const roster: RosterMember[] = [];
  /** When each conversation's accepted sends arrived (a channel's threads count as one). */
  const sends = new Map<string, number[]>();
  let n = 0;

  /** Seconds until the conversation may send again, or 0 when it may now. */
  const throttled = (conversationId: string, now: number): number => {
    if (opts.rateLimits === false) return 0;
    const times = sends.get(conversationId) ?? [];
    let waitMs = 0;
    for (const { ms, max } of TEAMS_CONVERSATION_LIMITS) {
      const inWindow = times.filter((t) => t > now - ms);
      if (inWindow.length >= max) waitMs = Math.max(waitMs, inWindow[inWindow.length - max]! + ms - now);
    }
    return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0;
  };

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const rec: RecordedRequest = { method: req.method ?? '', path, body: text ? JSON.parse(text) : undefined, at: Date.now() };
    requests.push(rec);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      rec.status = status;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    /** Too big is 413 MessageSizeTooBig, as Teams answers; any other card Teams cannot take is a 400. */
    const refuse = (problems: string[]) => {
      // Said in the test's output: the bot may swallow the refusal, and a test should not.
      console.warn(`[fake teams] refused ${rec.method} ${path}: ${problems.join('; ')}`);
      return problems.some((p) => p.startsWith('activity is '))
        ? send(413, { error: { code: 'MessageSizeTooBig', message: `The request content length exceeded limit: ${problems.join('; ')}` } })
        : send(400, { error: { code: 'BadArgument', message: problems.join('; ') } });
    };
    const failure = failures.find((f) => f.remaining > 0 && f.match(rec));
    if (failure) {
      failure.remaining--;
      const code = { 403: 'ConversationBlockedByUser', 413: 'MessageSizeTooBig' }[failure.status] ?? 'Throttled';
      return send(failure.status, { error: { code, message: `fake ${failure.status}` } }, failure.headers);
    }
    let m: RegExpMatchArray | null;
    if (rec.method === 'POST' && path === '/v3/conversations') {
      const problems = rec.body?.activity ? teamsActivityProblems(rec.body.activity) : [];
      if (problems.length) return refuse(problems);
      return send(201, { id: `a:chat-${++n}` });
    }
    if ((rec.method === 'POST' || rec.method === 'PUT') && (m = path.match(/^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/))) {
      if (rec.method === 'PUT' && !m[2]) return send(404, { error: { code: 'NotFound', message: `${rec.method} ${path}` } });
      const problems = teamsActivityProblems(rec.body);
      if (problems.length) return refuse(problems);
      const conversation = decodeURIComponent(m[1]!).split(';messageid=')[0]!;
      const retryAfter = throttled(conversation, rec.at);
      if (retryAfter) {
        console.warn(`[fake teams] ${rec.method} ${path} answered 429 (Retry-After ${retryAfter})`);
        return send(429, { error: { code: 'Throttled', message: 'Too many requests to this conversation' } }, { 'retry-after': String(retryAfter) });
      }
      sends.set(conversation, [...(sends.get(conversation) ?? []).filter((t) => t > rec.at - 30_000), rec.at]);
      return rec.method === 'POST' ? send(201, { id: `msg-${++n}` }) : send(200, { id: decodeURIComponent(m[2]!) });
    }
    if (rec.method === 'GET' && (m = path.match(/^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/))) {
      const member = roster.find((r) => r.id === decodeURIComponent(m![2]!));
      return member ? send(200, member) : send(404, { error: { code: 'MemberNotFoundInConversation', message: 'not found' } });
    }
    send(404, { error: { code: 'NotFound', message: `${rec.method} ${path}` } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const activityRequests = (method: string) =>
    requests
      .filter((r) => r.method === method && /^\/v3\/conversations\/[^/]+\/activities/.test(r.path))
      .map((r) => {
        const [, conv, id] = r.path.match(/^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/)!;
        return { conversationId: decodeURIComponent(conv!), activityId: id ? decodeURIComponent(id) : '', activity: r.body, at: r.at, status: r.status ?? 0 };
      });

  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    roster,
    heal() {
      failures.length = 0;
    },
    fail(match, status, times, headers = {}) {
      failures.push({ match, status, headers, remaining: times });
    },
    posted: () => activityRequests('POST'),
    updated: () => activityRequests('PUT'),
    async waitFor(find, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const v = find();
        if (v) return v;
        if (Date.now() > until) throw new Error('fake connector: timed out waiting');
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
