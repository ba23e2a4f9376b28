// The SQL store: the trust's records as rows (one table per kind, the record as validated jsonb),
// held as an immutable snapshot in memory so that read() stays synchronous. A transaction runs on an
// Immer draft of the snapshot; only the records it changed are written, in one SQL transaction under
// an advisory lock (one writer at a time across every instance on a server); the new snapshot is
// swapped in only once that has committed. Before each transaction, and on refresh(), an instance
// reads the rows other instances changed since its snapshot (the change log), so none works on stale data.
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Immer, current, enablePatches, isDraft } from 'immer';
import { sql } from 'kysely';
import { StoreError, describeIssue } from './errors';
import { lockDataDir } from './lock';
import { countResponses } from './log-queries';
import { LOGS, type Data, type LogName, type LogRecord } from './schema';
import { changesOf, isEmpty } from './sql/changes';
import { catchUp, currentVersion, loadDocument, pruneChangeLog, writeChanges } from './sql/document-rows';
import { openEngine, type EngineOptions } from './sql/engine';
import * as logs from './sql/logs';
import type { Store } from './store';

enablePatches();
// No freezing: read() hands out the snapshot itself, and freezing 30,000 records after each change costs more than it guards.
const immer = new Immer({ autoFreeze: false });

/** De-duplication keys kept (most recent last). */
export const MAX_PROCESSED = 5_000;

export interface SqlStoreOptions {
  /** DATA_DIR: PGlite's data directory lives in it, under pglite/. */
  dataDir: string;
  /** A PostgreSQL server; unset means the embedded engine. */
  databaseUrl?: string;
  schema?: string;
  pgliteTemplate?: string;
}

export interface SqlStore extends Store {
  readonly engine: 'pglite' | 'postgres';
  /** The version of the data this snapshot shows (bumped by every commit on the database). */
  version(): number;
  /** The rows each commit after `version` changed, as the change log has them (tests and operators). */
  changesAfter(version: number): Promise<{ version: number; table: string; id: string }[]>;
}

export function pgliteDir(dataDir: string): string {
  return path.join(dataDir, 'pglite');
}

export async function openSqlStore(opts: SqlStoreOptions): Promise<SqlStore> {
  let unlock = async () => undefined as void;
  if (!opts.databaseUrl) {
    // One process at a time may open an embedded database.
    await mkdir(opts.dataDir, { recursive: true });
    unlock = await lockDataDir(opts.dataDir);
  }
  try {
    const engineOpts: EngineOptions = { pgliteDir: pgliteDir(opts.dataDir), pgliteTemplate: opts.pgliteTemplate, url: opts.databaseUrl, schema: opts.schema };
    return await openWith(engineOpts, unlock);
  } catch (e) {
    await unlock();
    throw e;
  }
}

async function openWith(engineOpts: EngineOptions, unlock: () => Promise<void>): Promise<SqlStore> {
  const engine = await openEngine(engineOpts);
  // The version first: rows committed while the document loads are read again at the first catch-up.
  let { version, snapshot, counts } = await engine.run(async (db) => ({ version: await currentVersion(db), snapshot: await loadDocument(db), counts: await logs.responseCounts(db) }));
  const dedupe = new AsyncLocalStorage<{ key: string; recorded: boolean }>();
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn);
    queue = run.catch(() => undefined);
    return run;
  };

  /** Brings the snapshot up to `to` (inside the caller's transaction or not). */
  async function follow(db: Parameters<typeof catchUp>[0], to: number): Promise<void> {
    if (to === version) return;
    snapshot = (await catchUp(db, snapshot, version)) ?? (await loadDocument(db));
    version = to;
  }

  const store: SqlStore = {
    engine: engine.kind,
    version: () => version,
    changesAfter: (after) =>
      engine.run(async (db) =>
        (await db.selectFrom('change_log').selectAll().where('version', '>', after).orderBy('version').orderBy('tbl').orderBy('id').execute()).map((r) => ({
          version: Number(r.version),
          table: r.tbl,
          id: r.id,
        })),
      ),
    read: () => snapshot,

    transact<T>(fn: (draft: Data) => T): Promise<T> {
      if (closed) return Promise.reject(new StoreError('STORE_CLOSED', 'the store is closed', 'Restart the bot.'));
      const keyed = dedupe.getStore();
      let thrown: unknown;
      return serial(() =>
        engine.run(async (db) => {
          const committed = await db.transaction().execute(async (trx) => {
            await sql`select pg_advisory_xact_lock(hashtext(${engine.lockName}))`.execute(trx);
            await follow(trx, await currentVersion(trx));
            let result!: T;
            const before = snapshot;
            let [after, patches] = immer.produceWithPatches(before, (draft: Data) => {
              try {
                result = fn(draft);
              } catch (e) {
                thrown = e;
                throw e;
              }
              if (result instanceof Promise) {
                // The draft would be saved before the callback finished: a programming error, refused whole.
                result.catch(() => undefined);
                throw new StoreError('STORE_INVALID', 'a transaction callback returned a promise', 'Do the awaiting before transact; its callback must be synchronous.');
              }
              result = undraft(result) as T;
            });
            // The command's de-duplication key commits with its first change, or not at all.
            const recording = Boolean(keyed && !keyed.recorded && patches.length && !after.processed.includes(keyed.key));
            if (recording) {
              const [withKey, more] = immer.produceWithPatches(after, (draft: Data) => rememberKey(draft, keyed!.key));
              after = withKey;
              patches = [...patches, ...more];
            }
            const changes = changesOf(before, after, patches);
            if (isEmpty(changes)) return { result, after: before, to: version, recorded: false };
            const to = await writeChanges(trx, changes);
            if (to % 1000 === 0) await pruneChangeLog(trx, to);
            return { result, after, to, recorded: recording };
          });
          // Only now, committed, do readers see it.
          snapshot = committed.after;
          version = committed.to;
          if (committed.recorded && keyed) keyed.recorded = true;
          return committed.result;
        }).catch((e: unknown) => {
          // The callback's own errors (a workflow refusing) pass through as they are.
          throw e === thrown || e instanceof StoreError ? e : new StoreError('STORE_IO', `the change could not be committed: ${(e as Error).message}`, 'Nothing was changed. Check the database, then try again.');
        }),
      );
    },

    withDedupeKey<T>(key: string, fn: () => Promise<T>): Promise<T> {
      return dedupe.run({ key, recorded: false }, fn);
    },

    async append<K extends LogName>(name: K, record: LogRecord<K>): Promise<void> {
      if (closed) throw new StoreError('STORE_CLOSED', 'the store is closed', 'Restart the bot.');
      const r = LOGS[name].safeParse(record);
      if (!r.success) throw new StoreError('STORE_INVALID', `a record for ${name}: ${describeIssue(r.error.issues[0]!)}`, 'Nothing was written.');
      await engine.run((db) => logs.appendLog(db, name, r.data as LogRecord<K>)).catch((e: unknown) => {
        throw new StoreError('STORE_IO', `cannot append to ${name}: ${(e as Error).message}`, 'Check the database, then try again.');
      });
      if (name === 'surveyResponses') countResponses(counts, r.data as LogRecord<'surveyResponses'>);
    },
    audit: (q) => engine.run((db) => logs.queryAudit(db, q)),
    surveyResponses: (surveyId) => engine.run((db) => logs.querySurveyResponses(db, surveyId)),
    responseCounts: () => counts,
    deliveries: (q) => engine.run((db) => logs.queryDeliveries(db, q)),
    unfinishedDeliveries: () => engine.run((db) => logs.unfinishedDeliveries(db)),
    queuedJournalIds: (ids) => engine.run((db) => logs.queuedJournalIds(db, ids)),

    async refresh() {
      // Embedded: this process is the only writer. A server: one cheap query, then only what changed.
      if (engine.kind === 'pglite' || closed) return;
      const latest = await engine.run((db) => currentVersion(db));
      if (latest === version) return;
      await serial(() => engine.run((db) => db.transaction().execute(async (trx) => follow(trx, await currentVersion(trx)))));
      counts = await engine.run((db) => logs.responseCounts(db));
    },

    async close() {
      if (closed) return;
      closed = true;
      await queue;
      await engine.close();
      await unlock();
    },
  };
  return store;
}

/** Appends a dedupe key to the draft, keeping the newest MAX_PROCESSED. */
export function rememberKey(draft: Data, key: string): void {
  draft.processed.push(key);
  if (draft.processed.length > MAX_PROCESSED) draft.processed.splice(0, draft.processed.length - MAX_PROCESSED);
}

/** A transaction's result may hold parts of the draft, which Immer revokes when it finishes: hand back plain copies. */
function undraft(v: unknown, depth = 0): unknown {
  if (isDraft(v)) return current(v);
  if (depth > 3 || !v || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.some((x) => x && typeof x === 'object') ? v.map((x) => undraft(x, depth + 1)) : v;
  if (Object.getPrototypeOf(v) !== Object.prototype) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, undraft(x, depth + 1)]));
}
