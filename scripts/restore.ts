// npm run restore -- <file>: a backup into an empty DATA_DIR (embedded) or an empty database (DATABASE_URL).
import { loadConfig } from '../src/config';
import { loadEnvFile } from '../src/env-file';
import { StoreError } from '../src/store/errors';
import { restore } from '../src/store/sql/backup';

loadEnvFile();
const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run restore -- <file>   (into an empty DATA_DIR, or an empty database at DATABASE_URL)');
  process.exit(1);
}
const config = loadConfig();
try {
  await restore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, file });
  console.log(`Restored ${file} into ${config.databaseUrl ? 'the database at DATABASE_URL' : config.dataDir}. Put the survey.key kept with it in DATA_DIR before starting the bot.`);
} catch (e) {
  if (e instanceof StoreError) console.error(`Store error (${e.code}): ${e.message}. ${e.hint}`);
  else console.error(`Restore failed: ${(e as Error).message}`);
  process.exit(1);
}
