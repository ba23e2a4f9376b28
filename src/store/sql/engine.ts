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
  // Connect once before anything else: a server that is down (or a wrong URL) is said as that, not
  // as a migration failing on a database that may be damaged.
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  await connect(probe);
  try {
    if (schema) await probe.query(`create schema if not exists ${schema}`);
  } finally {
    await probe.end().catch(() => undefined);
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

/** How long the first connection may take before the server is said to be out of reach. */
const CONNECT_TIMEOUT_MS = 15_000;

/** Connects `client`, or refuses with STORE_UNREACHABLE naming the server (host and port: never the password). */
async function connect(client: pg.Client): Promise<void> {
  const started = Date.now();
  try {
    await client.connect();
  } catch (e) {
    const where = `${client.host}:${client.port}`;
    const err = e as Error & { code?: string };
    // pg says "Connection terminated unexpectedly" when its own timeout gives up; Node gives an
    // AggregateError with no message when every address of a name refused.
    const timedOut = Date.now() - started >= CONNECT_TIMEOUT_MS;
    const reason = timedOut ? `no answer within ${CONNECT_TIMEOUT_MS / 1000} s` : err.message || err.code || String(e);
    if (e instanceof pg.DatabaseError) {
      // The server answered and said no: a wrong user, password or database name.
      throw new StoreError('STORE_UNREACHABLE', `the database at ${where} refused the connection: ${reason}`, 'Check the user, password and database name in DATABASE_URL; nothing was changed.');
    }
    throw new StoreError('STORE_UNREACHABLE', `cannot reach the database at ${where} (${reason})`, 'Check that PostgreSQL is running and DATABASE_URL is right; nothing was changed.');
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
