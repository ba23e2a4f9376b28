// Appends per second to the audit log with an empty store and with 50,000 records already stored.
// An append must cost the same whatever the log's size (it writes one line, never the whole file),
// so the ratio full/empty must be at least 0.8. Exit code 1 if it is not.
// Usage: npm run bench:store [-- --records 50000 --appends 200 --rounds 21]
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openLowdbStore } from '../src/store/lowdb-store';
import type { Store } from '../src/store/store';

const { values } = parseArgs({
  options: { records: { type: 'string', default: '50000' }, appends: { type: 'string', default: '200' }, rounds: { type: 'string', default: '21' } },
});
const RECORDS = Number(values.records);
const APPENDS = Number(values.appends);
const ROUNDS = Number(values.rounds);
const MIN_RATIO = 0.8;

const entry = (i: number) => ({
  at: new Date(Date.UTC(2026, 8, 1) + i * 60_000).toISOString(),
  actorId: 'tom',
  action: 'isap.update',
  subject: `action-${i}`,
  outcome: 'ok' as const,
  detail: { rag: 'amber', note: 'Phonics catch-up groups running in Year 2; review at next visit.' },
});

/** Appends one at a time, each awaited (as a handler does), and returns appends per second. */
async function round(store: Store, offset: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < APPENDS; i++) await store.append('audit', entry(offset + i));
  return APPENDS / ((performance.now() - t0) / 1000);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const root = await mkdtemp(path.join(tmpdir(), 'ibot-bench-'));
try {
  const emptyDir = path.join(root, 'empty');
  const fullDir = path.join(root, 'full');
  const lines = Array.from({ length: RECORDS }, (_, i) => JSON.stringify(entry(i)) + '\n').join('');
  await (await openLowdbStore(fullDir)).close();
  await writeFile(path.join(fullDir, 'audit.jsonl'), lines, 'utf8');

  const empty = await openLowdbStore(emptyDir);
  const t0 = performance.now();
  const full = await openLowdbStore(fullDir);
  const loadMs = performance.now() - t0;
  if ((await full.audit()).length !== RECORDS) throw new Error(`expected ${RECORDS} stored records, found ${(await full.audit()).length}`);

  // Warm up both, then alternate rounds so drift in the disk's speed hits both sides alike.
  await round(empty, 0);
  await round(full, RECORDS);
  const rates = { empty: [] as number[], full: [] as number[] };
  for (let r = 1; r <= ROUNDS; r++) {
    rates.empty.push(await round(empty, r * APPENDS));
    rates.full.push(await round(full, RECORDS + r * APPENDS));
  }
  await empty.close();
  await full.close();

  const e = median(rates.empty);
  const f = median(rates.full);
  const ratio = f / e;
  const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
  console.log(`store append benchmark: ${ROUNDS} rounds of ${APPENDS} awaited appends (each fsynced), medians`);
  console.log(`  0 records stored:      ${e.toFixed(0)} appends/s  (rounds: ${fmt(rates.empty)})`);
  console.log(`  ${RECORDS} records stored: ${f.toFixed(0)} appends/s  (rounds: ${fmt(rates.full)})`);
  console.log(`  ratio: ${ratio.toFixed(2)} (must be ≥ ${MIN_RATIO})`);
  console.log(`  loading ${RECORDS} records took ${loadMs.toFixed(0)} ms`);
  if (ratio < MIN_RATIO) {
    console.error(`FAIL: appends slow down as the log grows (ratio ${ratio.toFixed(2)} < ${MIN_RATIO})`);
    process.exitCode = 1;
  }
} finally {
  await rm(root, { recursive: true, force: true });
}
