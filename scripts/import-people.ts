// Imports the trust's people from a CSV file into DATA_DIR; the work is in src/store/import-people.ts.
// Usage: npm run import:people -- <people.csv> [--dry-run]
// All or nothing: every row is checked first, against the file and the trust's schools and people;
// one bad row and nothing is imported, every bad row is listed (line, column, what it holds, what is
// allowed) and the exit code is 1. Otherwise the whole file is applied in one transaction.
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { refusalReport } from '../src/store/csv';
import { PeopleFileError, applyPeople, parsePeopleCsv } from '../src/store/import-people';
import { importAudit } from '../src/store/import-audit';
import { openStore } from '../src/store/open';
import type { Data } from '../src/store/schema';
import { UsageError, readInputFile, runCli } from './cli';

const USAGE = 'Usage: npm run import:people -- <people.csv> [--dry-run]';

runCli(async () => {
  const { values, positionals } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false } }, allowPositionals: true });
  const { file, input } = await readInputFile(positionals, USAGE);
  const config = loadConfig();
  let parsed: ReturnType<typeof parsePeopleCsv>;
  try {
    parsed = parsePeopleCsv(input);
  } catch (e) {
    if (e instanceof PeopleFileError) throw new UsageError(`Nothing imported: ${e.message}.`);
    throw e;
  }
  if (parsed.ignoredColumns.length) console.log(`ignored column(s) ${parsed.ignoredColumns.map((c) => `"${c}"`).join(', ')}`);

  /** Applies the file to `d`, or throws the report of every bad row (a transaction then changes nothing). */
  const applyWhole = (d: Data) => {
    if (!d.trust) throw new UsageError(`Nothing imported: ${config.dataDir} has no trust yet: run npm run setup:trust first.`);
    const r = applyPeople(d, parsed.rows);
    const problems = [...parsed.problems, ...r.problems];
    if (problems.length) throw new UsageError(refusalReport(problems, parsed.rows.length - new Set(r.problems.map((p) => p.line)).size));
    return r;
  };

  const store = await openStore(config);
  try {
    // A dry run applies the rows to a copy, so it reports exactly what the real run would.
    const r = values['dry-run']
      ? applyWhole(structuredClone(store.read()) as Data)
      : await store.transact(applyWhole, {
          // In the same commit as the people: an import is never recorded without its change, nor the reverse.
          audit: (r) => importAudit('people.import', file, r),
        });
    for (const name of r.added) console.log(`added ${name}`);
    for (const name of r.updated) console.log(`updated ${name}`);
    for (const n of r.notes) console.log(n);
    const counts = `${r.added.length} added, ${r.updated.length} updated, ${r.unchanged.length} unchanged`;
    if (values['dry-run']) console.log(`Dry run: every row can be used; ${parsed.rows.length} row(s) would be imported into ${config.dataDir} (${counts}); nothing was written.`);
    else console.log(`Imported ${parsed.rows.length} row(s) into ${config.dataDir}: ${counts}.`);
  } finally {
    await store.close();
  }
});
