// The playground: the bot in a browser, for local mode only (boot mounts it only then, so every
// route here is a 404 elsewhere). It speaks Command/Reply like any channel: see api.ts.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sendJson } from '../../server';
import type { Channel, ChannelDeps } from '../channel';
import { createApi, respond } from './api';
import { createGuard } from './guard';
import { Inbox } from './inbox';
import { createLocalSender } from './sender';

const PUBLIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');
/** Microsoft's renderer, the same package the card tests validate with. */
const ADAPTIVECARDS_JS = path.join(path.dirname(createRequire(import.meta.url).resolve('adaptivecards/package.json')), 'dist/adaptivecards.min.js');
/** Renders the cards' Markdown as Teams does; its browser build, served from here like the renderer. */
const MARKDOWN_IT_JS = path.join(path.dirname(createRequire(import.meta.url).resolve('markdown-it/package.json')), 'dist/browser/markdown-it.umd.min.js');

const ASSETS: Record<string, { file: string; type: string }> = {
  '/playground/app.js': { file: path.join(PUBLIC_DIR, 'app.js'), type: 'text/javascript' },
  '/playground/app.css': { file: path.join(PUBLIC_DIR, 'app.css'), type: 'text/css' },
  '/playground/adaptivecards.min.js': { file: ADAPTIVECARDS_JS, type: 'text/javascript' },
  '/playground/markdown-it.min.js': { file: MARKDOWN_IT_JS, type: 'text/javascript' },
};

// Cards set inline styles, so style-src needs 'unsafe-inline'; scripts come only from here.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self'; frame-ancestors 'none'";

async function serveFile(res: http.ServerResponse, file: string, type: string, token?: string): Promise<void> {
  const raw = await readFile(file);
  // The page carries this run's token, which its API calls send back (see guard.ts).
  const body = token ? Buffer.from(raw.toString('utf8').replace('content="{{token}}"', `content="${token}"`)) : raw;
  res.writeHead(200, {
    'content-type': `${type}; charset=utf-8`,
    'content-length': body.length,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    ...(type === 'text/html' ? { 'content-security-policy': CSP } : {}),
  });
  res.end(body);
}

export function createPlayground(deps: ChannelDeps): Channel {
  const inbox = new Inbox(deps.now, randomUUID);
  const api = createApi(deps, inbox);
  const streams = new Set<http.ServerResponse>();
  const guard = createGuard(deps.config.playgroundPublic);

  /** Server-sent events: the page learns of new messages without polling. */
  function events(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write('retry: 2000\n\n');
    const stop = inbox.subscribe((c) => res.write(`data: ${JSON.stringify(c)}\n\n`));
    // A comment every 20 s keeps proxies from closing an idle stream.
    const beat = setInterval(() => res.write(': keep-alive\n\n'), 20_000).unref();
    streams.add(res);
    req.on('close', () => {
      stop();
      clearInterval(beat);
      streams.delete(res);
    });
  }

  return {
    name: 'local',
    sender: createLocalSender(inbox),
    routes: [
      {
        method: 'GET',
        path: '/',
        handle: async (req, res) => {
          if (guard.allows(req, res, 'page')) await serveFile(res, path.join(PUBLIC_DIR, 'index.html'), 'text/html', guard.token);
        },
      },
      {
        method: 'GET',
        path: '/playground/',
        handle: async (req, res) => {
          const url = new URL(req.url ?? '/', 'http://localhost');
          const asset = ASSETS[url.pathname];
          if (!guard.allows(req, res, asset ? 'page' : 'read')) return;
          if (asset) return serveFile(res, asset.file, asset.type);
          switch (url.pathname) {
            case '/playground/api/state':
              return respond(res, () => api.state());
            case '/playground/api/messages':
              return respond(res, () => api.messages(url));
            case '/playground/api/events':
              return events(req, res);
          }
          sendJson(res, 404, { error: 'not found' });
        },
      },
      {
        method: 'POST',
        path: '/playground/api/',
        handle: async (req, res) => {
          if (!guard.allows(req, res, 'write')) return;
          const url = new URL(req.url ?? '/', 'http://localhost');
          switch (url.pathname) {
            case '/playground/api/say':
              return respond(res, () => api.say(req));
            case '/playground/api/act':
              return respond(res, () => api.act(req));
            case '/playground/api/digest':
              return respond(res, () => api.digest());
          }
          sendJson(res, 404, { error: 'not found' });
        },
      },
    ],
    async start() {
      if (deps.config.playgroundPublic) {
        console.warn(`\n!!! PLAYGROUND_PUBLIC=1: the playground at ${deps.config.host}:${deps.config.port} lets anyone who reaches it act as anyone in the trust.\n!!! Use it on a network you trust, and never with real people's data.\n`);
      }
      // People added after the demo was seeded (an import, a test) get their playground chat too.
      const at = deps.now().toISOString();
      await deps.store.transact((d) => {
        // A set, not a search per person: a trust of 40,000 people starts in milliseconds.
        const known = new Set(d.conversations.map((c) => c.key));
        for (const p of d.people) {
          const key = `local:person:${p.id}`;
          if (known.has(key)) continue;
          d.conversations.push({ key, platform: 'local', kind: 'personal', personId: p.id, name: p.name, ref: null, blocked: false, updatedAt: at });
        }
      });
    },
    async stop() {
      for (const res of streams) res.end();
      streams.clear();
    },
  };
}
