// Imports the trust's people from a CSV file into DATA_DIR; the work is in src/store/import-people.ts.
// Usage: npm run import:people -- <people.csv> [--dry-run]
// Exit code 0: all rows imported; 2: some rows were skipped (listed), the rest imported (or, with --dry-run, would be); 1: nothing imported.
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { PeopleFileError, applyPeople, parsePeopleCsv } from '../src/store/import-people';
import { openStore } from '../src/store/open';
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

  const dryRun = values['dry-run'];
  const store = await openStore(config);
  try {
    const noTrust = `Nothing imported: ${config.dataDir} has no trust yet: run npm run setup:trust first.`;
    // A dry run applies the rows to a copy, so it reports exactly what the real run would.
    const r = dryRun
      ? (() => {
          const copy = structuredClone(store.read()) as Parameters<typeof applyPeople>[0];
          if (!copy.trust) throw new UsageError(noTrust);
          return applyPeople(copy, parsed.rows);
        })()
      : await store.transact((d) => {
          if (!d.trust) throw new UsageError(noTrust);
          return applyPeople(d, parsed.rows);
        });
    const problems = [...parsed.problems, ...r.problems].sort((a, b) => a.line - b.line);
    for (const p of problems) console.log(`skipped line ${p.line}: ${p.reason}`);
    for (const n of r.notes) console.log(n);
    const counts = `${r.added.length} added, ${r.updated.length} updated, ${r.unchanged.length} unchanged; ${problems.length} row(s) skipped`;
    if (dryRun) console.log(`Dry run: ${parsed.rows.length - r.problems.length} row(s) would be imported into ${config.dataDir} (${counts}); nothing was written.`);
    else {
      await store.append('audit', {
        at: new Date().toISOString(),
        actorId: 'operator',
        action: 'people.import',
        outcome: 'ok',
        detail: { file, added: r.added.length, updated: r.updated.length, unchanged: r.unchanged.length, skippedLines: problems.map((p) => p.line) },
      });
      console.log(`Imported ${parsed.rows.length - r.problems.length} row(s) into ${config.dataDir}: ${counts}.`);
    }
    if (problems.length) process.exitCode = 2;
  } finally {
    await store.close();
  }
});
