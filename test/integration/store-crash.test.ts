// Crash durability, on each engine: a child process writes to the real store and is killed with
// SIGKILL at random moments, many times. After every kill the store must load, every write it
// acknowledged must be there, and none twice (a change and its dedupe key commit together).
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGINES, TEST_DATABASE_URL, freshSchema, openTestStore, pgliteTemplate, tempDataDir, type EngineName } from '../helpers/sql-store';

const WRITER = path.resolve('test/fixtures/store-writer.ts');
/** PGlite needs a second or two to open (and recover) each time: fewer rounds there. */
const KILLS: Record<EngineName, number> = { pglite: 8, postgres: 24 };
/** How long a writer runs after it is ready, at most: PGlite commits more slowly, so it gets longer. */
const RUN_MS: Record<EngineName, number> = { pglite: 1500, postgres: 400 };
const dirs: string[] = [];
const schemas: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
  if (schemas.length) {
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    for (const s of schemas) await c.query(`drop schema if exists ${s} cascade`);
    await c.end();
  }
});

/**
 * Runs the writer until `afterMs` past its "ready" (or past its start when `early`, to hit it while
 * it opens the store), SIGKILLs it, returns its acks.
 */
function runAndKill(args: string[], afterMs: number, early = false): Promise<string[]> {
  return new Promise((resolve, reject) => {
    // node --import tsx (not the tsx CLI, which forks a grandchild SIGKILL would orphan).
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined = early ? setTimeout(() => child.kill('SIGKILL'), afterMs) : undefined;
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.startsWith('ready\n') && !timer) timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer exited on its own (${code}): ${err}`));
      // Only whole lines count: a line cut off by the kill was never fully said.
      resolve(out.split('\n').slice(0, -1).filter((l) => l.startsWith('ack ')));
    });
  });
}

describe.each(ENGINES)('on %s', (engine: EngineName) => {
  const kills = KILLS[engine];
  it(`keeps every acknowledged write, once, through ${kills} SIGKILLs at random moments`, { timeout: 300_000 }, async () => {
    const dir = await tempDataDir();
    dirs.push(dir);
    const schema = engine === 'postgres' ? freshSchema('crash') : undefined;
    if (schema) schemas.push(schema);
    // The database exists before the first kill, as it does once a bot has started.
    await (await openTestStore(engine, dir, schema)).close();
    const engineArgs = engine === 'postgres' ? ['postgres', TEST_DATABASE_URL!, schema!] : ['pglite', await pgliteTemplate()];
    const acked = { doc: new Set<string>(), audit: new Set<string>(), survey: new Set<string>() };
    let total = 0;
    for (let run = 0; run < kills; run++) {
      const early = run % 6 === 5;
      const acks = await runAndKill([dir, `r${run}`, ...engineArgs], early ? 200 + Math.floor(Math.random() * 800) : 20 + Math.floor(Math.random() * RUN_MS[engine]), early);
      for (const line of acks) {
        const [, kind, id] = line.split(' ') as [string, keyof typeof acked, string];
        acked[kind].add(id);
      }
      total += acks.length;

      const store = await openTestStore(engine, dir, schema); // must load after every kill
      const doc = store.read();
      const keys = new Set(doc.processed);
      const auditIds = (await store.audit({ action: 'crash.test' })).map((a) => a.subject);
      const surveyIds = [...store.responseCounts().keys()];
      for (const id of acked.doc) {
        expect(id in doc.jobRuns, `document write ${id} acknowledged before kill ${run}`).toBe(true);
        expect(keys.has(`key-${id}`), `the dedupe key of ${id} committed with it`).toBe(true);
      }
      // A change is there exactly when its key is: never one without the other.
      for (const id of Object.keys(doc.jobRuns)) expect(keys.has(`key-${id}`)).toBe(true);
      expect(doc.processed.length).toBe(keys.size);
      for (const id of acked.audit) expect(auditIds.includes(id), `audit append ${id} acknowledged before kill ${run}`).toBe(true);
      for (const id of acked.survey) expect(surveyIds.includes(id), `survey append ${id} acknowledged before kill ${run}`).toBe(true);
      expect(new Set(auditIds).size).toBe(auditIds.length);
      for (const id of surveyIds) expect(Object.values(store.responseCounts().get(id)!).reduce((x, y) => x + y, 0)).toBe(1);
      await store.close();
    }
    console.log(`crash test on ${engine}: ${total} acks (${acked.doc.size} document, ${acked.audit.size} audit, ${acked.survey.size} survey) over ${kills} kills`);
    // The test means something only if the writer got real work done between kills.
    expect(total).toBeGreaterThan(kills * 3);
    expect(Math.min(acked.doc.size, acked.audit.size, acked.survey.size)).toBeGreaterThan(2);
  });
});
