// The SQL store: the trust's records as rows (one table per kind, the record as validated jsonb),
// held as an immutable snapshot in memory so that read() stays synchronous. A transaction runs on an
// Immer draft of the snapshot; only the records it changed are written, in one SQL transaction under
// an advisory lock (one writer at a time across every instance on a server); the new snapshot is
// swapped in only once that has committed. Before each transaction, and on refresh(), an instance
// reads the rows other instances changed since its snapshot (the change log), so none works on stale data.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Immer, enablePatches } from 'immer';
import { sql } from 'kysely';
import { StoreError, describeIssue } from './errors';
import { lockDataDir } from './lock';
import { countResponses } from './log-queries';
import { LOGS, type Data, type LogName, type LogRecord } from './schema';
import { changesOf, isEmpty } from './sql/changes';
import { claimAbandoned, mayStillSend, releaseAll, settleClaims, type Claimant } from './sql/claims';
import { catchUp, currentVersion, loadDocument, pruneChangeLog, writeChanges } from './sql/document-rows';
import { settleNewObjects, undraft, withDraftCloning } from './sql/drafts';
import { openEngine, type EngineOptions } from './sql/engine';
import * as logs from './sql/logs';
import type { StagedLogs, Store } from './store';

enablePatches();
// No freezing: read() hands out the snapshot itself, and freezing 30,000 records after each change costs more than it guards.
const immer = new Immer({ autoFreeze: false });

/** A claim on a send lasts this long unrenewed; each attempt renews it. */
export const DELIVERY_LEASE_MS = 60_000;

/** De-duplication keys kept (most recent last). */
export const MAX_PROCESSED = 5_000;

export interface SqlStoreOptions {
  /** DATA_DIR: PGlite's data directory lives in it, under pglite/. */
  dataDir: string;
  /** A PostgreSQL server; unset means the embedded engine. */
  databaseUrl?: string;
  schema?: string;
  pgliteTemplate?: string;
  /** How long an instance's claim on a send lasts without renewal (another takes it over after). */
  deliveryLeaseMs?: number;
}

export interface SqlStore extends Store {
  readonly engine: 'pglite' | 'postgres';
  /** The version of the data this snapshot shows (bumped by every commit on the database). */
  version(): number;
  /** Appends many records to a log in one transaction (an import); validated first, all or none. */
  appendMany<K extends LogName>(log: K, records: readonly LogRecord<K>[]): Promise<void>;
  /** How many records a log holds. */
  count(log: LogName): Promise<number>;
  /** The rows each commit after `version` changed, as the change log has them (tests and operators). */
  changesAfter(version: number): Promise<{ version: number; table: string; id: string }[]>;
}

/** Embedded data directories open in this process. */
const openHere = new Set<string>();

export function pgliteDir(dataDir: string): string {
  return path.join(dataDir, 'pglite');
}

export async function openSqlStore(opts: SqlStoreOptions): Promise<SqlStore> {
  let unlock = async () => undefined as void;
  if (!opts.databaseUrl) {
    // One process at a time may open an embedded database, and it only once: two PGlite instances on one directory would corrupt it.
    const dir = path.resolve(opts.dataDir);
    if (openHere.has(dir)) throw new StoreError('STORE_LOCKED', `${opts.dataDir} is already open in this process`, 'Use the store already open, or close it first.');
    await mkdir(opts.dataDir, { recursive: true });
    const release = await lockDataDir(opts.dataDir);
    openHere.add(dir);
    unlock = async () => {
      openHere.delete(dir);
      await release();
    };
  }
  try {
    const engineOpts: EngineOptions = { pgliteDir: pgliteDir(opts.dataDir), pgliteTemplate: opts.pgliteTemplate, url: opts.databaseUrl, schema: opts.schema };
    return await openWith(engineOpts, unlock, opts.deliveryLeaseMs ?? DELIVERY_LEASE_MS);
  } catch (e) {
    await unlock();
    throw e;
  }
}

async function openWith(engineOpts: EngineOptions, unlock: () => Promise<void>, leaseMs: number): Promise<SqlStore> {
  const engine = await openEngine(engineOpts);
  const me: Claimant = { owner: randomUUID(), leaseMs };
  // Embedded, this process is the only one: claims a dead process left are void, and restart finishes its sends at once.
  if (engine.kind === 'pglite') await engine.run((db) => releaseAll(db));
  const appendLogs = async (db: Parameters<typeof logs.appendLogs>[0], batch: Staged[]) => {
    await logs.appendLogs(db, batch);
    await settleClaims(db, batch, me);
  };
  // The version first: rows committed while the document loads are read again at the first catch-up.
  let { version, snapshot, counts } = await engine.run(async (db) => ({ version: await currentVersion(db), snapshot: await loadDocument(db), counts: await logs.responseCounts(db) }));
  const dedupe = new AsyncLocalStorage<{ key: string; recorded: boolean }>();
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  // Appends that arrive together are written by one transaction (one commit, one fsync).
  let pendingAppends: { name: LogName; record: LogRecord<LogName>; done: (e?: Error) => void }[] = [];
  let flushing: Promise<void> | undefined;
  async function flushAppends(): Promise<void> {
    await null; // let the appends made in this same turn join the batch
    while (pendingAppends.length) {
      const batch = pendingAppends;
      pendingAppends = [];
      try {
        await engine.run((db) => db.transaction().execute((trx) => appendLogs(trx, batch)));
        batch.forEach((b) => b.done());
      } catch (e) {
        const err = new StoreError('STORE_IO', `cannot append to ${[...new Set(batch.map((b) => b.name))].join(', ')}: ${(e as Error).message}`, 'Check the database, then try again.');
        batch.forEach((b) => b.done(err));
      }
    }
    flushing = undefined;
  }

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

    transact(fn, opts) {
      if (closed) return Promise.reject(new StoreError('STORE_CLOSED', 'the store is closed', 'Restart the bot.'));
      type T = ReturnType<typeof fn>;
      const keyed = dedupe.getStore();
      let thrown: unknown;
      return serial(() =>
        engine.run(async (db) => {
          const committed = await db.transaction().execute(async (trx) => {
            // On a server, one writer at a time across instances, each starting from the latest data. Embedded,
            // the data directory's lock file already makes this process the only one.
            if (engine.kind === 'postgres') {
              await sql`select pg_advisory_xact_lock(hashtext(${engine.lockName}))`.execute(trx);
              await follow(trx, await currentVersion(trx));
            }
            let result!: T;
            const before = snapshot;
            const staged: Staged[] = [];
            const stage: StagedLogs = { append: (name, record) => void staged.push(validated(name, record)) };
            let [after, patches] = immer.produceWithPatches(before, (draft: Data) => {
              try {
                result = withDraftCloning(() => fn(draft, stage));
              } catch (e) {
                thrown = e;
                throw e;
              }
              settleNewObjects(draft);
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
            const entry = opts?.audit?.(result);
            if (entry) stage.append('audit', entry);
            const changes = changesOf(before, after, patches);
            // The change, its audit entry and the command's key: one commit.
            const to = isEmpty(changes) ? version : await writeChanges(trx, changes);
            if (staged.length) await appendLogs(trx, staged);
            if (to === version) return { result, after: before, to, recorded: false, staged };
            if (to % 1000 === 0) await pruneChangeLog(trx, to);
            return { result, after, to, recorded: recording, staged };
          });
          // Only now, committed, do readers see it.
          snapshot = committed.after;
          version = committed.to;
          for (const s of committed.staged) if (s.name === 'surveyResponses') countResponses(counts, s.record as LogRecord<'surveyResponses'>);
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
      const r = validated(name, record);
      await new Promise<void>((resolve, reject) => {
        pendingAppends.push({ ...r, done: (e) => (e ? reject(e) : resolve()) });
        flushing ??= flushAppends();
      });
      if (name === 'surveyResponses') countResponses(counts, r.record as LogRecord<'surveyResponses'>);
    },
    async appendMany(name, records) {
      const batch = records.map((record, i) => validated(name, record, ` record ${i + 1}`));
      await engine.run((db) => db.transaction().execute((trx) => appendLogs(trx, batch)));
      if (name === 'surveyResponses') for (const b of batch) countResponses(counts, b.record as LogRecord<'surveyResponses'>);
    },
    count: (name) => engine.run((db) => logs.countLog(db, name)),
    audit: (q) => engine.run((db) => logs.queryAudit(db, q)),
    surveyResponses: (surveyId) => engine.run((db) => logs.querySurveyResponses(db, surveyId)),
    responseCounts: () => counts,
    deliveries: (q) => engine.run((db) => logs.queryDeliveries(db, q)),
    unfinishedDeliveries: () => engine.run((db) => logs.unfinishedDeliveries(db)),
    claimAbandonedDeliveries: () => engine.run((db) => claimAbandoned(db, me)),
    holdDelivery: (id) => engine.run((db) => mayStillSend(db, id, me)),
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
      while (flushing) await flushing;
      await engine.close();
      await unlock();
    },
  };
  return store;
}

type Staged = { name: LogName; record: LogRecord<LogName> };

/** A log record checked against its schema (a bad one is refused before anything is written). */
function validated<K extends LogName>(name: K, record: LogRecord<K>, which = ''): Staged {
  const r = LOGS[name].safeParse(record);
  if (!r.success) throw new StoreError('STORE_INVALID', `a record for ${name}${which}: ${describeIssue(r.error.issues[0]!)}`, 'Nothing was written.');
  return { name, record: r.data as LogRecord<LogName> };
}

/** Appends a dedupe key to the draft, keeping the newest MAX_PROCESSED. */
export function rememberKey(draft: Data, key: string): void {
  draft.processed.push(key);
  if (draft.processed.length > MAX_PROCESSED) draft.processed.splice(0, draft.processed.length - MAX_PROCESSED);
}
