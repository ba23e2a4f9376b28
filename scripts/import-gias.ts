// Imports a trust's schools from a GIAS CSV extract into DATA_DIR; the work is in src/store/import-gias.ts.
// Usage: npm run import:gias -- <file.csv> [--trust <Trusts (code)>] [--dry-run]
// Exit code 0: all rows imported; 2: imported (or, with --dry-run, would be), but some rows were skipped (listed); 1: nothing imported.
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { GiasFileError, importSchools, parseGiasCsv, rowsOfTrust } from '../src/store/import-gias';
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
    chosen = rowsOfTrust(parsed.schools, values.trust);
  } catch (e) {
    if (e instanceof GiasFileError) throw new UsageError(`Nothing imported: ${e.message}.`);
    throw e;
  }
  for (const p of parsed.problems) console.log(`skipped line ${p.line}: ${p.reason}`);
  if (chosen.otherTrusts) console.log(`left out ${chosen.otherTrusts} school(s) of other trusts`);

  if (values['dry-run']) {
    console.log(`Dry run: ${chosen.chosen.length} school(s) would be imported into ${config.dataDir}; ${parsed.problems.length} row(s) skipped; nothing was written.`);
    if (parsed.problems.length) process.exitCode = 2;
    return;
  }
  const store = await openStore(config);
  try {
    const r = await importSchools(store, chosen.chosen);
    await store.append('audit', {
      at: new Date().toISOString(),
      actorId: 'operator',
      action: 'schools.import-gias',
      outcome: 'ok',
      detail: { file, added: r.added.length, updated: r.updated.length, unchanged: r.unchanged.length, skippedLines: parsed.problems.map((p) => p.line) },
    });
    const trustName = chosen.chosen[0]?.trustName;
    console.log(
      `Imported ${chosen.chosen.length} school(s)${trustName ? ` of ${trustName}` : ''} into ${config.dataDir}: ` +
        `${r.added.length} added, ${r.updated.length} updated, ${r.unchanged.length} unchanged; ${parsed.problems.length} row(s) skipped.`,
    );
    if (!store.read().trust) {
      console.log('Note: no trust is set up in this DATA_DIR yet: run npm run setup:trust next. Do not seed the demo trust here.');
    }
  } finally {
    await store.close();
  }
  if (parsed.problems.length) process.exitCode = 2;
});
