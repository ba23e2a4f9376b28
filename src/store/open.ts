// Opens the store the configuration names: PGlite under DATA_DIR, or the server at DATABASE_URL.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config';
import { StoreError } from './errors';
import { openSqlStore, type SqlStore } from './sql-store';

export async function openStore(config: Pick<Config, 'dataDir' | 'databaseUrl' | 'databaseSchema' | 'pgliteTemplate'> & Partial<Pick<Config, 'outboxLeaseMs'>>): Promise<SqlStore> {
  const store = await openSqlStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, schema: config.databaseSchema, pgliteTemplate: config.pgliteTemplate, deliveryLeaseMs: config.outboxLeaseMs });
  // An empty database beside a JSON store from an earlier release: starting would seed over the trust's real data.
  const legacy = path.join(config.dataDir, 'db.json');
  if (store.version() === 0 && (await stat(legacy).then(() => true, () => false))) {
    await store.close();
    throw new StoreError(
      'STORE_NOT_MIGRATED',
      `${legacy} holds the data of an earlier release, and the database is empty`,
      'Run npm run migrate:store to copy it into the database (the old files are left as they are), then start again.',
    );
  }
  return store;
}
