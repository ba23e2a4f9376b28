// Moving in: a DATA_DIR from the JSON store (db.json and its logs) copied into the SQL store by
// npm run migrate:store, with the counts checked and the old files left byte for byte.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { seedDemoTrust } from '../../src/seed/demo-trust';
import { openLowdbStore } from '../../src/store/lowdb-store';
import { runScript, tempDirs } from '../helpers/scripts';
import { openStoreAt } from '../helpers/sql-store';

vi.setConfig({ testTimeout: 120_000 });
const temp = tempDirs();
afterEach(() => temp.cleanup());

async function files(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of (await readdir(dir)).filter((f) => f.endsWith('.json') || f.endsWith('.jsonl')).sort()) out[f] = (await readFile(path.join(dir, f))).toString('base64');
  return out;
}

it('copies db.json and its logs into the embedded database, checks the counts, and leaves the files as they were', async () => {
  const dir = await temp.make();
  const old = await openLowdbStore(dir);
  let n = 0;
  await seedDemoTrust(old, { now: new Date('2026-11-18T10:00:00Z'), timeZone: 'Europe/London', newId: () => `id-${n++}`, local: true });
  await old.append('audit', { at: '2026-11-18T10:00:00.000Z', actorId: 'tom', action: 'risk.open', subject: 'r1', outcome: 'ok', detail: {} });
  await old.append('deliveries', { id: 'd1', at: '2026-11-18T10:00:00.000Z', state: 'sent', attempts: 1 });
  const expected = { data: old.read(), audit: await old.audit(), responses: old.responseCounts() };
  await old.close();
  const before = await files(dir);

  const run = await runScript('scripts/migrate-store.ts', [], dir);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  expect(run.stdout).not.toContain('MISMATCH');
  expect(run.stdout).toMatch(/^isapActions\s+(\d+) →\s+\1$/m);
  expect(run.stdout).toMatch(/Migrated .* into the embedded database/);
  expect(await files(dir)).toEqual(before);

  const store = await openStoreAt(dir);
  try {
    // jsonb keeps values, not the order of keys; responders are rows, so a survey nobody answered has none.
    const want = JSON.parse(JSON.stringify(expected.data)) as Record<string, unknown> & { surveyResponders: Record<string, string[]> };
    want.surveyResponders = Object.fromEntries(Object.entries(want.surveyResponders).filter(([, hashes]) => hashes.length));
    expect(store.read()).toEqual(want);
    expect(await store.audit()).toEqual(expected.audit);
    expect(store.responseCounts()).toEqual(expected.responses);
    expect(await store.deliveries({ id: 'd1' })).toHaveLength(1);
  } finally {
    await store.close();
  }

  // Twice is refused: the database is no longer empty.
  const again = await runScript('scripts/migrate-store.ts', [], dir);
  expect(again.code).toBe(1);
  expect(again.stderr).toMatch(/already holds data/);
});
