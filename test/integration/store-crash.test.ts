// Crash durability: a child process writes to the real store and is killed with SIGKILL at random
// moments, many times. After every kill the store must load, and every write it acknowledged must be there.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openLowdbStore } from '../../src/store/lowdb-store';

const WRITER = path.resolve('test/fixtures/store-writer.ts');
const KILLS = 36;
let dir: string | undefined;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/**
 * Runs the writer until `afterMs` past its "ready" (or past its start when `early`, to hit it while
 * it opens the store and cuts a torn tail or clears a temp file), SIGKILLs it, returns its acks.
 */
function runAndKill(dataDir: string, runId: string, afterMs: number, early = false): Promise<string[]> {
  return new Promise((resolve, reject) => {
    // node --import tsx (not the tsx CLI, which forks a grandchild SIGKILL would orphan).
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, runId], { stdio: ['ignore', 'pipe', 'pipe'] });
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
      if (signal !== 'SIGKILL') return reject(new Error(`writer ${runId} exited on its own (${code}): ${err}`));
      // Only whole lines count: a line cut off by the kill was never fully said.
      resolve(out.split('\n').slice(0, -1).filter((l) => l.startsWith('ack ')));
    });
  });
}

it(`keeps every acknowledged write through ${KILLS} SIGKILLs at random moments`, { timeout: 90_000 }, async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ibot-crash-'));
  const acked = { doc: new Set<string>(), audit: new Set<string>(), survey: new Set<string>() };
  let total = 0;
  for (let run = 0; run < KILLS; run++) {
    const early = run % 6 === 5;
    const acks = await runAndKill(dir, `r${run}`, early ? 200 + Math.floor(Math.random() * 400) : 5 + Math.floor(Math.random() * 250), early);
    for (const line of acks) {
      const [, kind, id] = line.split(' ') as [string, keyof typeof acked, string];
      acked[kind].add(id);
    }
    total += acks.length;

    const store = await openLowdbStore(dir); // must load after every kill
    const docIds = new Set(Object.keys(store.read().jobRuns));
    const auditIds = new Set((await store.audit()).map((a) => a.subject));
    const surveyIds = new Set(store.responseCounts().keys());
    for (const id of acked.doc) expect(docIds.has(id), `document write ${id} acknowledged before kill ${run}`).toBe(true);
    for (const id of acked.audit) expect(auditIds.has(id), `audit append ${id} acknowledged before kill ${run}`).toBe(true);
    for (const id of acked.survey) expect(surveyIds.has(id), `survey append ${id} acknowledged before kill ${run}`).toBe(true);
    await store.close();
  }
  console.log(`crash test: ${total} acks (${acked.doc.size} document, ${acked.audit.size} audit, ${acked.survey.size} survey) over ${KILLS} kills`);
  // The test means something only if the writer got real work done between kills.
  expect(total).toBeGreaterThan(KILLS * 5);
  expect(Math.min(acked.doc.size, acked.audit.size, acked.survey.size)).toBeGreaterThan(KILLS);
});
