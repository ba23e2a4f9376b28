// npm run migrate:store: copies a DATA_DIR from the JSON store of earlier releases (db.json and its
// logs) into the SQL store (PGlite in DATA_DIR, or DATABASE_URL), checks every count, and leaves the
// old files exactly as they were.
import { loadConfig } from '../src/config';
import { loadEnvFile } from '../src/env-file';
import { StoreError } from '../src/store/errors';
import { importLegacy, readLegacyDataDir } from '../src/store/legacy-import';
import { openSqlStore } from '../src/store/sql-store';

loadEnvFile();
const config = loadConfig();
try {
  const legacy = await readLegacyDataDir(config.dataDir);
  if (!legacy) {
    console.error(`Nothing to migrate: ${config.dataDir} has no db.json.`);
    process.exit(1);
  }
  const store = await openSqlStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, schema: config.databaseSchema, pgliteTemplate: config.pgliteTemplate });
  try {
    const { expected, found } = await importLegacy(store, legacy);
    const wrong = Object.keys(expected).filter((k) => expected[k] !== found[k]);
    for (const k of Object.keys(expected)) console.log(`${k.padEnd(18)} ${String(expected[k]).padStart(9)} → ${String(found[k]).padStart(9)}${wrong.includes(k) ? '  MISMATCH' : ''}`);
    if (wrong.length) {
      console.error(`The copy does not match in ${wrong.join(', ')}: do not start the bot on it; the old files are untouched.`);
      process.exitCode = 1;
    } else {
      console.log(`Migrated ${config.dataDir} into ${config.databaseUrl ? 'the database at DATABASE_URL' : 'the embedded database'}; the old files (db.json, *.jsonl) were left as they are and can be archived.`);
    }
  } finally {
    await store.close();
  }
} catch (e) {
  if (e instanceof StoreError) console.error(`Store error (${e.code}): ${e.message}. ${e.hint}`);
  else console.error('Migration failed:', e);
  process.exit(1);
}
