// The last link of the Graph client's middleware chain: sends the request with node:https so that
// an extra CA (GRAPH_CA_FILE: a proxy's, or a test fake's) can be trusted without touching the
// process-wide trust store. Everything before it (auth, retry, redirect) is the SDK's own.
import http from 'node:http';
import https from 'node:https';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

const TIMEOUT_MS = 15_000;

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Errors before an answer are named for the retry policy: `GraphTimeout` (no answer in time) and
 * `GraphNetworkError` (refused, reset); either may come after Graph did the work.
 */
export function send(url: string, init: { method: string; headers: Record<string, string>; body?: string | Buffer }, ca?: string, timeoutMs = TIMEOUT_MS): Promise<RawResponse> {
  const u = new URL(url);
  const lib = u.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(u, { method: init.method, headers: init.headers, ...(ca && u.protocol === 'https:' ? { ca } : {}), timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
      });
      res.on('error', (e) => reject(named(e, 'GraphNetworkError')));
    });
    req.on('timeout', () => req.destroy(named(new Error(`no answer from ${u.host} in ${timeoutMs} ms`), 'GraphTimeout')));
    req.on('error', (e) => reject(e.name === 'GraphTimeout' ? e : named(e, 'GraphNetworkError')));
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

const named = (e: Error, name: string): Error => Object.assign(e, { name });

export class NodeHttpsHandler implements Middleware {
  constructor(
    private readonly ca?: string,
    private readonly timeoutMs = TIMEOUT_MS,
  ) {}

  async execute(context: Context): Promise<void> {
    const request = context.request;
    const url = typeof request === 'string' ? request : (request as Request).url;
    const opts = context.options ?? {};
    const headers: Record<string, string> = {};
    new Headers(opts.headers as HeadersInit | undefined).forEach((v, k) => (headers[k] = v));
    const body = typeof opts.body === 'string' || Buffer.isBuffer(opts.body) ? opts.body : opts.body == null ? undefined : JSON.stringify(opts.body);
    const res = await send(url, { method: opts.method ?? 'GET', headers, body }, this.ca, this.timeoutMs);
    const empty = res.status === 204 || res.status === 304 || res.body.length === 0;
    context.response = new Response(empty ? null : new Uint8Array(res.body), { status: res.status, headers: res.headers });
  }
}
