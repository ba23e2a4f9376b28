// The operator scripts, run as an operator runs them (tsx scripts/…, DATA_DIR from the environment).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { openStoreAt, storeState, wroteNothing } from '../helpers/sql-store';
import { GIAS_BAD_LINES, csvFrom } from '../helpers/csv-files';
import { runScript as run, tempDirs } from '../helpers/scripts';

// Each script run starts the embedded database in a new process: seconds apiece on a busy machine.
vi.setConfig({ testTimeout: 300_000 });

const temp = tempDirs();
afterEach(() => temp.cleanup());
const tempDir = () => temp.make();

it('seed:demo seeds an empty DATA_DIR once, then says it left it alone', async () => {
  const dir = await tempDir();
  const first = await run('scripts/seed-demo.ts', [], dir);
  expect(first).toMatchObject({ code: 0, stderr: '' });
  expect(first.stdout).toMatch(/^Seeded the demo trust "Demo Learning Trust" into .*: 7 schools, \d+ people/);
  const db = await storeState(dir);

  const second = await run('scripts/seed-demo.ts', [], dir);
  expect(second.code).toBe(0);
  expect(second.stdout).toMatch(/already holds the trust "Demo Learning Trust"; nothing was changed/);
  expect(await storeState(dir)).toBe(db);
});

it('import:gias imports an extract, saying what it added; seed:demo then refuses to overwrite the schools', async () => {
  const dir = await tempDir();
  const r = await run('scripts/import-gias.ts', [await csvFrom('test/fixtures/gias-sample.csv', dir, { without: GIAS_BAD_LINES })], dir);
  expect(r).toMatchObject({ code: 0, stderr: '' });
  expect(r.stdout).toContain('added Kingsway Academy, Mansfield\n');
  expect(r.stdout).toMatch(/Imported 7 school\(s\) of Demo Learning Trust into .*: 7 added, 0 updated, 0 unchanged\./);
  const store = await openStoreAt(dir);
  expect(store.read().schools.map((s) => s.urn).sort()).toEqual(['140001', '148765', '149001', '149002', '149003', '149004', '149009']);
  expect((await store.audit())).toEqual([
    expect.objectContaining({ actorId: 'operator', action: 'schools.import-gias', detail: expect.objectContaining({ added: 7, updated: 0 }) }),
  ]);
  await store.close();

  const seed = await run('scripts/seed-demo.ts', [], dir);
  expect(seed.code).toBe(1);
  expect(seed.stderr).toMatch(/7 school\(s\) .* but no trust: not seeding the demo over them/);
  const after = await openStoreAt(dir);
  expect(after.read().schools).toHaveLength(7);
  await after.close();
});

it('import:gias without a file, or with a file lacking GIAS columns, exits 1 with one line and writes nothing', async () => {
  const dir = await tempDir();
  const none = await run('scripts/import-gias.ts', [], dir);
  expect(none.code).toBe(1);
  expect(none.stderr.trim()).toMatch(/^Usage: npm run import:gias -- <file.csv>/);
  const wrong = await run('scripts/import-gias.ts', ['package.json'], dir);
  expect(wrong.code).toBe(1);
  expect(wrong.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Nothing imported: the file lacks the GIAS columns "URN"/)]);
  expect(await wroteNothing(dir)).toBe(true);
});

it('import:calendar sets the trust’s term dates and bank holidays, and refuses a DATA_DIR with no trust', async () => {
  const dir = await tempDir();
  const { typicalCalendar } = await import('../../src/domain/calendar-presets');
  const { halfTerms, insetDays, bankHolidays } = typicalCalendar(2027);
  const terms = path.join(dir, 'terms.json');
  const holidays = path.join(dir, 'bank-holidays.json');
  await writeFile(terms, JSON.stringify({ year: '2027-28', halfTerms, insetDays: insetDays.slice(0, 3) }));
  await writeFile(holidays, JSON.stringify(bankHolidays));

  const noTrust = await run('scripts/import-calendar.ts', [terms, holidays], dir);
  expect(noTrust.code).toBe(1);
  expect(noTrust.stderr.trim()).toMatch(/^Nothing imported: .* has no trust yet/);

  expect((await run('scripts/seed-demo.ts', [], dir)).code).toBe(0);
  const ok = await run('scripts/import-calendar.ts', [terms, holidays], dir);
  expect(ok).toMatchObject({ code: 0, stderr: '' });
  expect(ok.stdout).toMatch(/^Set the 2027-28 calendar of Demo Learning Trust: six half terms from 2027-09-\d\d to 2028-07-\d\d, 3 INSET day\(s\)/);
  const store = await openStoreAt(dir);
  expect(store.read().trust!.calendar.year).toBe('2027-28');
  expect(store.read().trust!.calendar.insetDays).toEqual(insetDays.slice(0, 3));
  expect((await store.audit()).at(-1)).toMatchObject({ actorId: 'operator', action: 'trust.import-calendar', detail: { year: '2027-28' } });
  await store.close();

  await writeFile(terms, JSON.stringify({ year: '2027', halfTerms }));
  const bad = await run('scripts/import-calendar.ts', [terms, holidays], dir);
  expect(bad.code).toBe(1);
  expect(bad.stderr.trim()).toBe('Nothing imported: term dates: year: year must look like 2026-27');
});
