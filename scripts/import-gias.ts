// Imports a trust's schools from a GIAS CSV extract into DATA_DIR; the work is in src/store/import-gias.ts.
// Usage: npm run import:gias -- <file.csv> [--trust <Trusts (code)>] [--dry-run]
// All or nothing: every row is checked first; one bad row and nothing is imported, every bad row is
// listed (line, column, what it holds, what is allowed) and the exit code is 1. Otherwise one transaction.
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { refusalReport } from '../src/store/csv';
import { GiasFileError, applySchools, parseGiasCsv, rowsOfTrust } from '../src/store/import-gias';
import { importAudit } from '../src/store/import-audit';
import { openStore } from '../src/store/open';
import { UsageError, readInputFile, runCli } from './cli';

const USAGE = 'Usage: npm run import:gias -- <file.csv> [--trust <Trusts (code)>] [--dry-run]';

runCli(async () => {
  const { values, positionals } = parseArgs({
    options: { trust: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const { file, input } = await readInputFile(positionals, USAGE);
  const config = loadConfig();

  let parsed: ReturnType<typeof parseGiasCsv>;
  let chosen: ReturnType<typeof rowsOfTrust>;
  try {
    parsed = parseGiasCsv(input);
    if (parsed.problems.length) throw new UsageError(refusalReport(parsed.problems, parsed.schools.length));
    chosen = rowsOfTrust(parsed.schools, values.trust);
  } catch (e) {
    if (e instanceof GiasFileError) throw new UsageError(`Nothing imported: ${e.message}.`);
    throw e;
  }
  if (chosen.otherTrusts) console.log(`left out ${chosen.otherTrusts} school(s) of other trusts`);

  if (values['dry-run']) {
    console.log(`Dry run: every row can be used; ${chosen.chosen.length} school(s) would be imported into ${config.dataDir}; nothing was written.`);
    return;
  }
  const store = await openStore(config);
  try {
    const r = await store.transact((d) => applySchools(d, chosen.chosen), {
      // In the same commit as the schools: an import is never recorded without its change, nor the reverse.
      audit: (r) => importAudit('schools.import-gias', file, r),
    });
    for (const name of r.added) console.log(`added ${name}`);
    for (const u of r.updated) console.log(`updated ${u.name}: ${u.changes.join('; ')}`);
    const trustName = chosen.chosen[0]?.trustName;
    console.log(
      `Imported ${chosen.chosen.length} school(s)${trustName ? ` of ${trustName}` : ''} into ${config.dataDir}: ` +
        `${r.added.length} added, ${r.updated.length} updated, ${r.unchanged.length} unchanged.`,
    );
    if (!store.read().trust) {
      console.log('Note: no trust is set up in this DATA_DIR yet: run npm run setup:trust next. Do not seed the demo trust here.');
    }
  } finally {
    await store.close();
  }
});
