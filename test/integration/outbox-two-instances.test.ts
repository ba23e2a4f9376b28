// Two bot processes on one PostgreSQL, one fanning a digest out to 150 Slack channels and killed
// (SIGKILL) halfway, with posts still unanswered: the other takes over the sends whose claims lapse,
// finds on Slack those that had landed, and sends the rest. Every channel gets the digest once.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { seedDemoTrust } from '../../src/seed/demo-trust';
import { loadOrCreateSecret } from '../../src/store/secret';
import { openSqlStore } from '../../src/store/sql-store';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api';
import { TEST_DATABASE_URL, freshSchema } from '../helpers/sql-store';

// Two processes each start tsx and open the database: tens of seconds on a busy machine.
vi.setConfig({ testTimeout: 180_000 });

const CHANNELS = 150;
const children: ChildProcess[] = [];
const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const f of cleanup.reverse()) await f().catch(() => undefined);
});

/** A bot process on the shared database; resolves once it says "ready". */
async function instance(env: Record<string, string>): Promise<{ child: ChildProcess; out: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/bot-instance.ts'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'development', PORT: '0', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  await until(() => out.includes('ready') || child.exitCode !== null, 120_000, () => out);
  if (!out.includes('ready')) throw new Error(`the bot did not start:\n${out}`);
  return { child, out: () => out };
}

async function until(pred: () => boolean, ms: number, said: () => string = () => ''): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms\n${said()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe.runIf(TEST_DATABASE_URL)('two instances on one PostgreSQL', () => {
  it('a digest fan-out to 150 channels, its sender killed halfway, reaches each channel once', async () => {
    const schema = freshSchema('fanout');
    const dataDir = await mkdtemp(path.join(tmpdir(), 'ibot-fanout-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    cleanup.push(async () => {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    });
    // Posts land at once but are answered slowly, so the kill leaves some posted and unacknowledged.
    const slack: FakeSlack = await startFakeSlack({}, { postLatencyMs: 150 });
    cleanup.push(() => slack.close());

    // The demo trust, and 150 Slack channels subscribed to the weekly digest.
    const store = await openSqlStore({ dataDir, databaseUrl: TEST_DATABASE_URL, schema });
    let n = 0;
    await seedDemoTrust(store, { now: new Date('2026-11-18T10:00:00Z'), timeZone: 'Europe/London', newId: () => `seed-${++n}` });
    const at = new Date().toISOString();
    const channels = Array.from({ length: CHANNELS }, (_, i) => `C${String(i).padStart(6, '0')}`);
    await store.transact((d) => {
      for (const channel of channels) {
        d.conversations.push({ key: `slack:${channel}`, platform: 'slack', kind: 'channel', name: channel, ref: { channel }, blocked: false, updatedAt: at });
        d.subscriptions.push({ conversationKey: `slack:${channel}`, digest: 'weekly-slt', byId: 'amira', at });
      }
    });
    await store.close();
    await loadOrCreateSecret(dataDir); // shared by both instances, as docs/operations.md says

    const env = {
      DATA_DIR: dataDir,
      DATABASE_URL: TEST_DATABASE_URL!,
      DATABASE_SCHEMA: schema,
      OUTBOX_LEASE_SECONDS: '2',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'test-signing-secret',
      SLACK_API_URL: `${slack.url}/api/`,
    };
    const a = await instance(env);
    const b = await instance(env);

    a.child.stdin!.write('fanout\n');
    await until(() => slack.messages.length >= CHANNELS / 2, 60_000, a.out);
    a.child.kill('SIGKILL');
    const killedAt = slack.messages.length;
    expect(killedAt).toBeLessThan(CHANNELS);

    const got = () => new Set(slack.messages.map((m) => m.channel));
    await until(() => got().size === CHANNELS, 60_000, () => `${got().size} channels reached\n${b.out()}`);
    // Two more leases: a late duplicate would have arrived by now.
    await new Promise((r) => setTimeout(r, 4_000));
    const perChannel = new Map<string, number>();
    for (const m of slack.messages) perChannel.set(m.channel, (perChannel.get(m.channel) ?? 0) + 1);
    expect([...perChannel.entries()].filter(([, k]) => k !== 1)).toEqual([]);
    expect(perChannel.size).toBe(CHANNELS);
    // The survivor looked on Slack before resending what the dead instance had claimed.
    expect(slack.of('conversations.history').length).toBeGreaterThan(0);
    b.child.kill('SIGTERM');
  });
});
