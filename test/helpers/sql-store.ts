// The SQL store for tests, on either engine. PGlite takes seconds to initialise a data directory, so
// one initialised (and migrated) template is made per run and copied; each server test file gets a
// schema of its own on TEST_DATABASE_URL.
import { randomBytes, createHash } from 'node:crypto';
import { mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MIGRATIONS } from '../../src/store/sql/migrations';
import { openSqlStore, pgliteDir, type SqlStore } from '../../src/store/sql-store';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
// In CI the server tests must run, never skip: .ci/run sets the URL and checks the server first.
if (process.env.CI && !TEST_DATABASE_URL) throw new Error('CI is set but TEST_DATABASE_URL is not: the PostgreSQL store tests would be skipped');

let template: Promise<string> | undefined;

/** A migrated, empty PGlite data directory to copy; made once per machine and migration set. */
export function pgliteTemplate(): Promise<string> {
  template ??= makeTemplate();
  return template;
}

async function makeTemplate(): Promise<string> {
  const { version } = JSON.parse(await readFile(path.resolve('node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string };
  const key = createHash('sha256').update(version).update(Object.keys(MIGRATIONS).join(',')).digest('hex').slice(0, 12);
  const dir = path.join(tmpdir(), `ibot-pglite-template-${key}`);
  if (await stat(dir).then(() => true, () => false)) return dir;
  const work = await mkdtemp(path.join(tmpdir(), 'ibot-pglite-making-'));
  const store = await openSqlStore({ dataDir: work });
  await store.close();
  // Another worker may have finished first: either template is as good.
  await rename(pgliteDir(work), dir).catch(() => undefined);
  await rm(work, { recursive: true, force: true });
  return dir;
}

/** A schema name no other test file uses. */
export function freshSchema(prefix = 't'): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

export type EngineName = 'pglite' | 'postgres';

/** The engines to test on: PGlite always; the server when TEST_DATABASE_URL is set (CI sets it and fails if unreachable). */
export const ENGINES: EngineName[] = TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export async function openTestStore(engine: EngineName, dataDir: string, schema?: string): Promise<SqlStore> {
  if (engine === 'postgres') return openSqlStore({ dataDir, databaseUrl: TEST_DATABASE_URL, schema });
  return openSqlStore({ dataDir, pgliteTemplate: await pgliteTemplate() });
}

export async function tempDataDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'ibot-sql-'));
}

/** The embedded store in a DATA_DIR, as the bot opens it (from the template when the directory is new). */
export async function openStoreAt(dataDir: string): Promise<SqlStore> {
  return openSqlStore({ dataDir, pgliteTemplate: await pgliteTemplate() });
}

/** What a DATA_DIR's store holds, as one string to compare before and after (absent: no database yet). */
export async function storeState(dataDir: string): Promise<string> {
  if (!(await stat(pgliteDir(dataDir)).then(() => true, () => false))) return 'absent';
  const store = await openStoreAt(dataDir);
  try {
    return JSON.stringify({ version: store.version(), data: store.read(), audit: (await store.audit()).length, deliveries: (await store.deliveries()).length });
  } finally {
    await store.close();
  }
}

/** True when nothing was ever committed to the DATA_DIR's store (or it has none). */
export async function wroteNothing(dataDir: string): Promise<boolean> {
  const s = await storeState(dataDir);
  return s === 'absent' || (JSON.parse(s) as { version: number; audit: number }).version === 0 && (JSON.parse(s) as { audit: number }).audit === 0;
}
