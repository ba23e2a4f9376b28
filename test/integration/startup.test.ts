// Start-up as an operator sees it: `npm start` runs `tsx src/main.ts`; we spawn exactly that, with
// DATA_DIR and PORT set, and check the exit code, what is printed and what is left on disk.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStoreAt, pgliteTemplate } from '../helpers/sql-store';
import type { Store } from '../../src/store/store';

// Each start runs tsx and opens the embedded database in a new process: tens of seconds on a busy machine.
vi.setConfig({ testTimeout: 90_000 });

// The local tsx binary, as `npm start` runs it (npx would add npm's own warnings to stderr).
const TSX = path.resolve('node_modules/.bin/tsx');
const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

const totalResponses = (s: Store) => [...s.responseCounts().values()].flatMap((bySchool) => Object.values(bySchool)).reduce((a, b) => a + b, 0);

async function tempDir(): Promise<string> {
  const d = await mkdtemp(path.join(tmpdir(), 'ibot-start-'));
  dirs.push(d);
  return d;
}

function start(env: Record<string, string>, script = 'src/main.ts') {
  const child = spawn(TSX, [script], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const out = { stdout: '', stderr: '' };
  child.stdout!.on('data', (b: Buffer) => (out.stdout += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out.stderr += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out, exited };
}

const lines = (s: string) => s.split('\n').filter((l) => l.trim());

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

async function waitHealthy(port: number, withinMs: number): Promise<{ status: number; body: unknown }> {
  const until = Date.now() + withinMs;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.status === 200) return { status: res.status, body: await res.json() };
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`/healthz did not answer 200 within ${withinMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('start-up refusals: exit 1 with one clear line', () => {
  it('a DATA_DIR from the JSON store of an earlier release is refused until migrated, and left as it is', async () => {
    const dir = await tempDir();
    const old = '{"schemaVersion":1,"trust":null}';
    await writeFile(path.join(dir, 'db.json'), old, 'utf8');
    const run = start({ DATA_DIR: dir, PORT: String(await freePort()), PGLITE_TEMPLATE: await pgliteTemplate() });
    expect(await run.exited).toBe(1);
    expect(lines(run.out.stderr)).toEqual([expect.stringMatching(/^Store error \(STORE_NOT_MIGRATED\): .*db\.json holds the data of an earlier release.*npm run migrate:store/)]);
    expect(await readFile(path.join(dir, 'db.json'), 'utf8')).toBe(old);
  });

  it('a damaged survey key stops the bot rather than a new key letting people answer twice', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'survey.key'), 'not a key\n', 'utf8');
    const run = start({ DATA_DIR: dir, PORT: String(await freePort()), PGLITE_TEMPLATE: await pgliteTemplate() });
    expect(await run.exited).toBe(1);
    expect(lines(run.out.stderr)).toEqual([expect.stringMatching(/^Store error \(STORE_CORRUPT\): .*survey\.key is not a 32-byte hex key/)]);
    expect(await readFile(path.join(dir, 'survey.key'), 'utf8')).toBe('not a key\n');
  });

  it('a database server that is down is said as that, with no password and nothing written', async () => {
    const dir = await tempDir();
    const closed = await freePort();
    const run = start({ DATA_DIR: dir, PORT: String(await freePort()), DATABASE_URL: `postgres://bot:s3cret-pw@127.0.0.1:${closed}/improvement` });
    expect(await run.exited).toBe(1);
    expect(lines(run.out.stderr)).toEqual([
      `Store error (STORE_UNREACHABLE): cannot reach the database at 127.0.0.1:${closed} (connect ECONNREFUSED 127.0.0.1:${closed}). ` +
        'Check that PostgreSQL is running and DATABASE_URL is right; nothing was changed.',
    ]);
    expect(run.out.stderr).not.toContain('s3cret-pw');
    expect(await readdir(dir)).toEqual([]);
  });

  it('a wrong environment value names the variable', async () => {
    const dir = await tempDir();
    const run = start({ DATA_DIR: dir, PORT: 'eighty' });
    expect(await run.exited).toBe(1);
    expect(lines(run.out.stderr)).toEqual([expect.stringMatching(/^Configuration error: PORT is invalid: expected a port number/)]);
  });

  it('Slack out of reach is said as that, in one line, not as a bad token', async () => {
    const dir = await tempDir();
    const run = start({ DATA_DIR: dir, PORT: '0', PGLITE_TEMPLATE: await pgliteTemplate(), SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'http://127.0.0.1:9/api/' });
    expect(await run.exited).toBe(1);
    const errors = lines(run.out.stderr).filter((l) => l.startsWith('Start-up failed'));
    expect(errors).toEqual(['Start-up failed: could not reach the Slack Web API at http://127.0.0.1:9/api/ to check SLACK_BOT_TOKEN (fetch failed)']);
    expect(run.out.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('start-up on a fresh DATA_DIR, then again on the same one', () => {
  // Truly fresh (no template): the embedded engine initialises its data directory, which takes seconds.
  it('answers /healthz within 60 s, and a second start reuses the data without re-seeding', { timeout: 300_000 }, async () => {
    const dir = await tempDir();
    const port = await freePort();

    const first = start({ DATA_DIR: dir, PORT: String(port) });
    expect(await waitHealthy(port, 120_000)).toEqual({ status: 200, body: { status: 'ok' } });
    expect(first.out.stdout).toContain(`listening on http://127.0.0.1:${port}`);
    // A script run beside the running bot is refused rather than having its writes overwritten.
    const beside = start({ DATA_DIR: dir }, 'scripts/seed-demo.ts');
    expect(await beside.exited).toBe(1);
    expect(lines(beside.out.stderr)).toEqual([expect.stringMatching(/^Store error \(STORE_LOCKED\): .* is in use by process \d+\. Stop the bot/)]);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    // What the first run wrote: the demo trust (random ids) and its survey responses.
    const seeded = await openStoreAt(dir);
    const trustId = seeded.read().trust?.id;
    const historyIds = seeded.read().categoryHistory.map((c) => c.id);
    const responses = totalResponses(seeded);
    expect(trustId).toBeTruthy();
    expect(historyIds.length).toBeGreaterThan(0);
    expect(responses).toBeGreaterThan(0);
    await seeded.transact((d) => void d.processed.push('written-between-runs'));
    await seeded.close();

    const second = start({ DATA_DIR: dir, PORT: String(port) });
    expect(await waitHealthy(port, 120_000)).toEqual({ status: 200, body: { status: 'ok' } });
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(second.out.stderr).toBe('');

    const after = await openStoreAt(dir);
    expect(after.read().trust?.id).toBe(trustId);
    expect(after.read().categoryHistory.map((c) => c.id)).toEqual(historyIds);
    expect(totalResponses(after)).toBe(responses);
    expect(after.read().processed).toContain('written-between-runs');
    await after.close();
  });
});

describe('npm run seed:demo, then npm start', () => {
  it('starts on the seeded DATA_DIR: the demo\'s survey answers come with their survey key', { timeout: 300_000 }, async () => {
    const dir = await tempDir();
    const template = await pgliteTemplate();
    const seed = start({ DATA_DIR: dir, PGLITE_TEMPLATE: template }, 'scripts/seed-demo.ts');
    expect(await seed.exited).toBe(0);
    expect(seed.out.stdout).toMatch(/^Seeded the demo trust ".*" into /);

    const port = await freePort();
    const bot = start({ DATA_DIR: dir, PORT: String(port), PGLITE_TEMPLATE: template });
    // Refused, it would exit 1 with STORE_KEY_MISSING before listening.
    const healthy = waitHealthy(port, 120_000);
    healthy.catch(() => undefined);
    const refused = bot.exited.then((code) => ({ exited: code, stderr: bot.out.stderr }));
    expect(await Promise.race([healthy, refused])).toEqual({ status: 200, body: { status: 'ok' } });
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.out.stderr).toBe('');
    // The key the answers were stored under, kept by the start.
    expect(await readFile(path.join(dir, 'survey.key'), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
  });
});
