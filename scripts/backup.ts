// npm run backup -- <file>: the store as one file (embedded: a PGlite tarball, bot stopped; server: pg_dump's custom format).
import { loadConfig } from '../src/config';
import { loadEnvFile } from '../src/env-file';
import { StoreError } from '../src/store/errors';
import { backup } from '../src/store/sql/backup';

loadEnvFile();
const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run backup -- <file>   (the file must not exist yet)');
  process.exit(1);
}
const config = loadConfig();
try {
  await backup({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, schema: config.databaseSchema, file });
  console.log(`Backed up ${config.databaseUrl ? 'the database at DATABASE_URL' : `the embedded database in ${config.dataDir}`} to ${file}. Keep DATA_DIR/survey.key with it, apart.`);
} catch (e) {
  if (e instanceof StoreError) console.error(`Store error (${e.code}): ${e.message}. ${e.hint}`);
  else console.error(`Backup failed: ${(e as Error).message}`);
  process.exit(1);
}
