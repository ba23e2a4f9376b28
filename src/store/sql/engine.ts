// The two engines behind one Kysely: PGlite (PostgreSQL in WebAssembly, a data directory, no server)
// by default, a PostgreSQL server through `pg` when DATABASE_URL is set.
import { cp, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import { KyselyPGlite } from 'kysely-pglite';
import pg from 'pg';
import { StoreError } from '../errors';
import { migrationProvider } from './migrations';
import type { Database } from './tables';

export interface Engine {
  kind: 'pglite' | 'postgres';
  /** Names this store's advisory lock: one per database and schema. */
  lockName: string;
  /** The schema the store's tables live in (a server); undefined on PGlite. */
  schema?: string;
  /**
   * Runs `fn` with the engine to itself where that matters: PGlite has a single connection, so a
   * transaction's statements must not interleave with anyone else's. A server's pool needs no such care.
   */
  run<T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface EngineOptions {
  /** PGlite's data directory (used when no url is given). */
  pgliteDir: string;
  /** An initialised, migrated, empty PGlite directory copied into a new one instead of initialising it (seconds saved). */
  pgliteTemplate?: string;
  url?: string;
  /** A schema on the server to use (and create) instead of public: tests get one each. */
  schema?: string;
}

export async function openEngine(opts: EngineOptions): Promise<Engine> {
  const engine = opts.url ? await openPostgres(opts.url, opts.schema) : await openPglite(opts.pgliteDir, opts.pgliteTemplate);
  try {
    await migrate(engine);
  } catch (e) {
    await engine.close().catch(() => undefined);
    throw e;
  }
  return engine;
}

async function migrate(engine: Engine): Promise<void> {
  const { error, results } = await engine.run((db) => new Migrator({ db, provider: migrationProvider, ...(engine.schema ? { migrationTableSchema: engine.schema } : {}) }).migrateToLatest());
  if (error) {
    // Kysely finds a migration in the database that this code does not have: a newer release wrote it.
    if (/corrupted migrations.*missing/i.test((error as Error).message)) {
      throw new StoreError('STORE_FUTURE_VERSION', `the database has migrations this bot does not know (${(error as Error).message.replace(/^corrupted migrations: /i, '')})`, 'It was written by a newer release: upgrade the bot. Nothing was changed.');
    }
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'a migration';
    throw new StoreError('STORE_INVALID', `the database schema could not be brought up to date (${failed}): ${(error as Error).message}`, 'Nothing was changed by the failed step; restore a backup if the database was edited by hand.');
  }
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

let assets: Promise<{ pgliteWasmModule: WebAssembly.Module; fsBundle: Blob }> | undefined;

/** PGlite's WebAssembly compiled, and its file bundle read, once per process however many stores it opens. */
function pgliteAssets() {
  assets ??= (async () => {
    const dist = path.dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
    const [wasm, bundle] = await Promise.all([readFile(path.join(dist, 'pglite.wasm')), readFile(path.join(dist, 'pglite.data'))]);
    return { pgliteWasmModule: await WebAssembly.compile(wasm), fsBundle: new Blob([bundle]) };
  })();
  return assets;
}

async function openPglite(dir: string, template?: string): Promise<Engine> {
  if (template && !(await exists(dir))) await cp(template, dir, { recursive: true });
  let client: PGlite;
  try {
    client = await PGlite.create(dir, await pgliteAssets());
  } catch (e) {
    throw new StoreError('STORE_IO', `cannot open the database in ${dir}: ${(e as Error).message}`, 'Check DATA_DIR and its permissions, or restore it from a backup.');
  }
  const db = new Kysely<Database>({ dialect: new KyselyPGlite(client).dialect });
  let queue: Promise<unknown> = Promise.resolve();
  return {
    kind: 'pglite',
    lockName: 'improvement-bot',
    run(fn) {
      const next = queue.then(() => fn(db));
      queue = next.catch(() => undefined);
      return next;
    },
    async close() {
      await queue;
      await db.destroy();
    },
  };
}

async function openPostgres(url: string, schema?: string): Promise<Engine> {
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new StoreError('STORE_INVALID', `schema name ${schema} is not a plain identifier`, 'Use lower-case letters, digits and _.');
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await connect(admin, url);
    await admin.query(`create schema if not exists ${schema}`);
    await admin.end();
  }
  const pool = new pg.Pool({ connectionString: url, max: 8, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    lockName: `improvement-bot:${schema ?? 'public'}`,
    // Named, or Kysely would take another schema's migration tables for this one's.
    schema: schema ?? 'public',
    run: (fn) => fn(db),
    close: () => db.destroy(),
  };
}

async function connect(client: pg.Client, url: string): Promise<void> {
  try {
    await client.connect();
  } catch (e) {
    throw new StoreError('STORE_IO', `cannot reach the database at ${redact(url)}: ${(e as Error).message}`, 'Check DATABASE_URL and that the server is running.');
  }
}

/** A URL as it may be printed: no password. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'DATABASE_URL';
  }
}
