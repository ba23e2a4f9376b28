// One HTTP server for everything: Teams, Slack, health and (in local mode) the playground.
// Channel adapters mount routes; the server knows none of them.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Route {
  method: 'GET' | 'POST' | 'PUT';
  /** Exact path, or a prefix ending in '/'. */
  path: string;
  handle(req: http.IncomingMessage, res: http.ServerResponse): void | Promise<void>;
}

export interface Server {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const MAX_BODY = 1024 * 1024;

/** Reads a request body up to 1 MiB; larger bodies are refused rather than buffered. */
export async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw Object.assign(new Error('body too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function startServer(opts: { host: string; port: number; routes: Route[]; ready: () => boolean }): Promise<Server> {
  const routes: Route[] = [
    { method: 'GET', path: '/healthz', handle: (_req, res) => (opts.ready() ? sendJson(res, 200, { status: 'ok' }) : sendJson(res, 503, { status: 'starting' })) },
    ...opts.routes,
  ];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = routes.find((r) => r.method === req.method && (r.path === url.pathname || (r.path.endsWith('/') && r.path !== '/' && url.pathname.startsWith(r.path))))
      ?? routes.find((r) => r.method === req.method && r.path === '/' && url.pathname === '/');
    if (!route) {
      const known = routes.some((r) => r.path === url.pathname);
      return sendJson(res, known ? 405 : 404, { error: known ? 'method not allowed' : 'not found' });
    }
    try {
      await route.handle(req, res);
    } catch (e) {
      const status = (e as { status?: number }).status ?? 500;
      console.error(`[http] ${req.method} ${url.pathname} failed:`, e);
      if (!res.headersSent) sendJson(res, status, { error: status === 413 ? 'request too large' : 'internal error' });
      else res.end();
    }
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host === '0.0.0.0' ? '127.0.0.1' : opts.host;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
