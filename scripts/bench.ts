// npm run bench [-- --schools 7,200,1000 --engines pglite,postgres --runs 20 --audit-rows 1000000]: the bot's commands on
// generated trusts, each engine, beside a bare single-row write on the same engine in the same run.
// Prints p50/p95 per command, changes per second with 20 at once, memory, and restart time.
// postgres needs BENCH_DATABASE_URL (a server where it may create and drop databases).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startBot, type Bot } from '../src/boot';
import { loadConfig } from '../src/config';
import { generateSyntheticTrust, writeSyntheticTrust } from '../src/seed/synthetic-trust';
import { loadOrCreateSecret } from '../src/store/secret';
import { bareWrites } from '../src/store/sql/anchor';
import { sql } from 'kysely';
import { openEngine, type EngineOptions } from '../src/store/sql/engine';
import { openSqlStore, pgliteDir } from '../src/store/sql-store';
import { BENCH_NOW, command } from './bench-views';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const SIZES = arg('schools', '7,200').split(',').map(Number);
const ENGINES = arg('engines', process.env.BENCH_DATABASE_URL ? 'pglite,postgres' : 'pglite').split(',') as ('pglite' | 'postgres')[];
const RUNS = Number(arg('runs', '20'));
const SERVER = process.env.BENCH_DATABASE_URL;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const fmt = (xs: number[]) => `${pct(xs, 50).toFixed(1).padStart(8)} ${pct(xs, 95).toFixed(1).padStart(8)}`;
const mb = () => `${(process.memoryUsage().rss / 1e6).toFixed(0)} MB (JS heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB)`;

async function timed(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  await fn(-1); // warm-up
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

async function database(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = Object.assign(new URL(SERVER!), { pathname: `/${name}` }).toString();
  return {
    url,
    drop: async () => {
      const c = new pg.Client({ connectionString: SERVER });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** In its own process: writes the generated trust, starts the bot once (the first start), then runs the rest in a fresh process. */
async function benchOne(engine: 'pglite' | 'postgres', schools: number): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), `ibot-bench-${engine}-`));
  const db = engine === 'postgres' ? await database(`ibot_bench_${schools}`) : undefined;
  try {
    let t0 = performance.now();
    const surveyKey = await loadOrCreateSecret(dataDir);
    const trust = generateSyntheticTrust({ schools, seed: 1, now: new Date(BENCH_NOW), timeZone: 'Europe/London', surveyKey, local: true });
    const store = await openSqlStore({ dataDir, databaseUrl: db?.url });
    await writeSyntheticTrust(store, trust);
    await store.close();
    const written = (performance.now() - t0) / 1000;
    // A long-lived trust's audit log: start-up must not read it.
    t0 = performance.now();
    await fillAudit({ pgliteDir: pgliteDir(dataDir), url: db?.url }, AUDIT_ROWS);
    const filled = (performance.now() - t0) / 1000;
    t0 = performance.now();
    const bot = await startBot(loadConfig(envFor(dataDir, db?.url)), BOOT);
    const firstStart = (performance.now() - t0) / 1000;
    await bot.stop();
    console.log(`\n${engine}, ${schools} schools: written in ${written.toFixed(1)} s, ${AUDIT_ROWS.toLocaleString('en-GB')} audit rows added in ${filled.toFixed(1)} s; first start ${firstStart.toFixed(1)} s`);
    // The bot as it runs in production: one process, one engine, started on existing data.
    if ((await self(['--run', `${engine}:${schools}`, '--dir', dataDir, ...(db ? ['--url', db.url] : [])])) !== 0) process.exitCode = 1;
  } finally {
    await db?.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const AUDIT_ROWS = Number(arg('audit-rows', '1000000'));

/** Adds audit rows straight in SQL (what years of use leave behind), before the bot first starts. */
async function fillAudit(opts: EngineOptions, n: number): Promise<void> {
  if (!n) return;
  const engine = await openEngine(opts);
  try {
    await engine.run((db) =>
      sql`insert into audit (at, actor_id, action, subject, outcome, data)
          select now() - g * interval '1 minute', 'bench', 'isap.update', 'old-' || g, 'ok',
                 jsonb_build_object('at', to_char((now() - g * interval '1 minute') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'actorId', 'bench', 'action', 'isap.update', 'subject', 'old-' || g, 'outcome', 'ok', 'detail', '{}'::jsonb)
          from generate_series(1, ${n}) g`.execute(db),
    );
  } finally {
    await engine.close();
  }
}

const BOOT = { seedDemo: false, scheduler: false, playground: false, now: () => new Date(BENCH_NOW) } as const;
const envFor = (dataDir: string, url?: string) => ({ DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'test', ...(url ? { DATABASE_URL: url } : {}) });

/** Runs this script again with other arguments; resolves with its exit code. */
function self(args: string[]): Promise<number | null> {
  return new Promise((resolve) => spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...args, '--runs', String(RUNS), '--audit-rows', String(AUDIT_ROWS)], { stdio: 'inherit' }).on('exit', resolve));
}

/** A restart on the written data, the commands, memory, then the anchor on the same engine. */
async function runOne(engine: 'pglite' | 'postgres', dataDir: string, url?: string): Promise<void> {
  let t0 = performance.now();
  const bot: Bot = await startBot(loadConfig(envFor(dataDir, url)), BOOT);
  const restart = (performance.now() - t0) / 1000;
  const data = bot.store.read();
  const rachels = data.isapActions.filter((a) => a.schoolId === 'beacon' && a.status === 'open');
  const say = (who: string, text: string) => () => bot.handle(command(who, text));
  // Each command must answer with its view, not an error card, or its time means nothing.
  for (const [who, text] of [['rachel', 'home'], ['tom', 'risk'], ['tom', 'isap overdue'], ['amira', 'approvals'], ['tom', 'digest weekly']] as const) {
    const card = (await bot.handle(command(who, text))).replies[0]?.card;
    if (!card || card === 'error' || card === 'usage') throw new Error(`${text} as ${who} answered ${card ?? 'nothing'}`);
  }
  const rows: [string, number[]][] = [];
  rows.push(['home (headteacher)', await timed(RUNS, say('rachel', 'home'))]);
  rows.push(['risk (DoSI)', await timed(RUNS, say('tom', 'risk'))]);
  rows.push(['isap overdue (DoSI)', await timed(RUNS, say('tom', 'isap overdue'))]);
  rows.push(['approvals (CEO)', await timed(RUNS, say('amira', 'approvals'))]);
  rows.push(['digest weekly (DoSI)', await timed(RUNS, say('tom', 'digest weekly'))]);
  const update = (i: number) => {
    const a = rachels[(i + rachels.length) % rachels.length]!;
    return bot.handle({ ...command('rachel', 'isap.update'), name: 'isap.update', args: [], data: { actionId: a.id, note: `bench ${i} ${Math.random()}` } });
  };
  rows.push(['isap update (headteacher)', await timed(RUNS, update)]);

  // 20 at once, 5 rounds: changes committed per second.
  t0 = performance.now();
  for (let r = 0; r < 5; r++) await Promise.all(Array.from({ length: 20 }, (_, i) => update(r * 20 + i)));
  const perSecond = 100 / ((performance.now() - t0) / 1000);

  const more = async () => {
    for (let i = 0; i < 1000; i++) await (i % 2 ? say('rachel', 'home')() : update(i));
  };
  await more();
  const memory = mb();
  // Flat after that: another 1,000 commands should not add much.
  await more();
  const later = mb();
  await bot.stop();
  // The anchor last, so that its own embedded engine is not in the bot's memory figure.
  const anchor = await bareWrites({ pgliteDir: path.join(dataDir, 'anchor'), url }, RUNS * 5);

  console.log(`${data.people.length} people, ${data.isapActions.length} actions; restart ${restart.toFixed(1)} s`);
  console.log(`${'operation'.padEnd(28)}   p50 ms   p95 ms`);
  console.log(`${'bare single-row write'.padEnd(28)} ${fmt(anchor)}`);
  for (const [name, xs] of rows) console.log(`${name.padEnd(28)} ${fmt(xs)}`);
  console.log(`changes/s, 20 at once: ${perSecond.toFixed(0)}; memory after 1,000 more commands: ${memory}, after 2,000: ${later}`);
}

// Each engine and size in a process of its own: memory is the process's, and an embedded engine's
// WebAssembly memory (which never shrinks) cannot carry over into the next case's figure.
const one = arg('one', '');
const run = arg('run', '');
if (run) {
  await runOne(run.split(':')[0] as 'pglite' | 'postgres', arg('dir', ''), arg('url', '') || undefined);
} else if (one) {
  const [engine, n] = one.split(':') as ['pglite' | 'postgres', string];
  await benchOne(engine, Number(n));
} else {
  for (const engine of ENGINES) {
    if (engine === 'postgres' && !SERVER) {
      console.log('postgres: set BENCH_DATABASE_URL to include it');
      continue;
    }
    for (const n of SIZES) {
      if ((await self(['--one', `${engine}:${n}`])) !== 0) process.exitCode = 1;
    }
  }
}
