// The CSV imports are all or nothing, run as an operator runs them: a file with one bad row among good
// ones imports none of them, and the report names every bad row by line and column with what it holds
// and what is allowed; once the file is fixed, the whole of it goes in at once.
import { afterEach, expect, it, vi } from 'vitest';
import { GIAS_BAD_LINES, PEOPLE_BAD_LINES, csvFrom } from '../helpers/csv-files';
import { openStoreAt, storeState, wroteNothing } from '../helpers/sql-store';
import { runScript as run, tempDirs } from '../helpers/scripts';

// Each script run starts the embedded database in a new process: seconds apiece on a busy machine.
vi.setConfig({ testTimeout: 300_000 });

const temp = tempDirs();
afterEach(() => temp.cleanup());

const GIAS = 'test/fixtures/gias-sample.csv';
const PEOPLE = 'test/fixtures/people-sample.csv';
const errLines = (stderr: string) => stderr.trimEnd().split('\n');

/** Runs the import on `file`, then as a dry run: each refuses it whole, with this report and nothing on stdout. */
async function expectRefused(script: string, file: string, dir: string, report: string[]): Promise<void> {
  for (const args of [[file], [file, '--dry-run']]) {
    const r = await run(script, args, dir);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(errLines(r.stderr)).toEqual(report);
  }
}

it('import:gias refuses a file with one bad row whole, naming it; a dry run says the same; the fixed file goes in whole', async () => {
  const dir = await temp.make();
  // The sample's good rows and one bad one: line 8's URN.
  await expectRefused('scripts/import-gias.ts', await csvFrom(GIAS, dir, { without: GIAS_BAD_LINES.slice(1) }), dir, [
    'line 8, URN: got "1490X5", expected a URN: 6 or 7 digits',
    'Nothing imported: 1 of 8 row(s) cannot be used (listed above). Fix them and run the import again.',
  ]);
  expect(await wroteNothing(dir)).toBe(true);

  // Every bad row at once, so one pass fixes the file; a row bad in two columns is listed twice.
  const all = await run('scripts/import-gias.ts', [GIAS], dir);
  expect(all.code).toBe(1);
  expect(errLines(all.stderr).map((l) => l.replace(/: got .*/, ''))).toEqual([
    'line 8, URN',
    'line 9',
    'line 10, PhaseOfEducation (name)',
    'line 11, LA (code)',
    'line 11, EstablishmentName',
    'Nothing imported: 4 of 11 row(s) cannot be used (listed above). Fix them and run the import again.',
  ]);
  // A quote never closed swallows the rest of the file: the rows before it are not imported either.
  const unclosed = await run('scripts/import-gias.ts', [await csvFrom(GIAS, dir, { without: GIAS_BAD_LINES, extra: ['150001,891,Nottinghamshire,2300,"Elm Tree Primary,Academy converter,Primary,4,11,TR01234,Demo Learning Trust,Kim,Lowe'] })], dir);
  expect(unclosed.code).toBe(1);
  expect(unclosed.stderr).toMatch(/^line 9: got a quote that is never closed/);
  expect(await wroteNothing(dir)).toBe(true);

  const fixed = await run('scripts/import-gias.ts', [await csvFrom(GIAS, dir, { without: GIAS_BAD_LINES })], dir);
  expect(fixed).toMatchObject({ code: 0, stderr: '' });
  expect(fixed.stdout).toMatch(/Imported 7 school\(s\) of Demo Learning Trust into .*: 7 added, 0 updated, 0 unchanged\./);
  const store = await openStoreAt(dir);
  expect(store.read().schools).toHaveLength(7);
  await store.close();
});

it('import:people refuses a file whose one bad row comes after the good ones (a school the trust lacks), and lists every bad row', async () => {
  const dir = await temp.make();
  expect((await run('scripts/setup-trust.ts', ['--name', 'Example Learning Trust', '--framework', 'rag-5'], dir)).code).toBe(0);
  expect((await run('scripts/import-gias.ts', [await csvFrom(GIAS, dir, { without: GIAS_BAD_LINES })], dir)).code).toBe(0);
  const before = await storeState(dir);

  // Seven good rows, then line 9 naming school 999999: only the trust's data shows it is bad.
  await expectRefused('scripts/import-people.ts', await csvFrom(PEOPLE, dir, { without: PEOPLE_BAD_LINES.slice(0, 3) }), dir, [
    'line 9, school: got "999999", expected the URN or id of a school of this trust (import the schools with import:gias first)',
    'Nothing imported: 1 of 8 row(s) cannot be used (listed above). Fix them and run the import again.',
  ]);
  expect(await storeState(dir)).toBe(before);

  // Rows bad in the file itself and rows bad against the trust, all in one report.
  const all = await run('scripts/import-people.ts', [PEOPLE], dir);
  expect(all.code).toBe(1);
  expect(errLines(all.stderr)).toEqual([
    'line 9, email: got "not-an-email", expected an email address',
    'line 10, role: got "volunteer", expected one of ceo, deputy-ceo, dosi, sil, headteacher, staff, chair, trustee, governor, governor-chair',
    "line 11, school: got nothing, expected the URN or school id of the headteacher's school",
    'line 12, school: got "999999", expected the URN or id of a school of this trust (import the schools with import:gias first)',
    'Nothing imported: 4 of 11 row(s) cannot be used (listed above). Fix them and run the import again.',
  ]);
  expect(await storeState(dir)).toBe(before);

  const fixed = await run('scripts/import-people.ts', [await csvFrom(PEOPLE, dir, { without: PEOPLE_BAD_LINES })], dir);
  expect(fixed).toMatchObject({ code: 0, stderr: '' });
  expect(fixed.stdout).toMatch(/Imported 7 row\(s\) into .*: 6 added, 0 updated, 0 unchanged\./);
  const store = await openStoreAt(dir);
  expect(store.read().people).toHaveLength(6);
  expect((await store.audit({ action: 'people.import' })).map((a) => a.detail)).toEqual([expect.objectContaining({ added: 6 })]);
  await store.close();
});
