// The embedded store: one lowdb JSON document for the trust's records, JSON Lines logs for the
// high-volume ones (audit, survey responses, deliveries), all under DATA_DIR.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { AppendLog } from './append-log';
import { DurableJsonFile, syncDir, writeDurably } from './durable-file';
import { StoreError, describeIssue } from './errors';
import { lockDataDir } from './lock';
import { countResponses, filterAudit, filterDeliveries, journalIdOf, unfinished } from './log-queries';
import { migrate } from './migrations';
import { DataSchema, LOGS, emptyData, type Data, type LogName, type LogRecord } from './schema';
import type { Store } from './store';

export async function openLowdbStore(dataDir: string): Promise<Store> {
  await mkdir(dataDir, { recursive: true });
  const unlock = await lockDataDir(dataDir);
  try {
    return await openLocked(dataDir, unlock);
  } catch (e) {
    await unlock();
    throw e;
  }
}

async function openLocked(dataDir: string, unlock: () => Promise<void>): Promise<Store> {
  const file = path.join(dataDir, 'db.json');
  const adapter = new DurableJsonFile<Data>(file);
  const db = new Low<Data>(adapter, emptyData());

  const got = await adapter.load();
  let migratedFrom: number | undefined;
  if (got.found) {
    const { data, from } = migrate(got.value, file);
    const parsed = DataSchema.safeParse(data);
    if (!parsed.success) {
      throw new StoreError('STORE_INVALID', `${file}: ${describeIssue(parsed.error.issues[0]!)}`, 'Restore the file from a backup; it was left as it is.');
    }
    db.data = parsed.data;
    if (from !== parsed.data.schemaVersion) migratedFrom = from;
  }

  const logs = Object.fromEntries(
    (Object.keys(LOGS) as LogName[]).map((name) => [name, new AppendLog(path.join(dataDir, `${name}.jsonl`), LOGS[name] as never)]),
  ) as { [K in LogName]: AppendLog<LogRecord<K>> };
  // Every file is checked before any is written, so a refused start leaves DATA_DIR exactly as it was.
  for (const log of Object.values(logs)) await log.check();
  await adapter.clearTemp();
  if (migratedFrom !== undefined) await keepBackup(file, `${file}.v${migratedFrom}.bak`);
  if (!got.found || migratedFrom !== undefined) await adapter.write(db.data);
  for (const log of Object.values(logs)) await log.load();

  const counts = new Map<string, Record<string, number>>();
  for (const r of logs.surveyResponses.all()) countResponses(counts, r);
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  return {
    read: () => db.data,
    transact(fn, opts) {
      // Checked when called, so a transaction queued before close() still commits.
      if (closed) return Promise.reject(new StoreError('STORE_CLOSED', 'the store is closed', 'Restart the bot.'));
      const run = queue.then(async () => {
        const draft = structuredClone(db.data);
        const staged: { name: LogName; record: LogRecord<LogName> }[] = [];
        const result = fn(draft, { append: (name, record) => void staged.push({ name, record: record as LogRecord<LogName> }) });
        if (result instanceof Promise) {
          // The draft would be saved before the callback finished: a programming error, refused whole.
          result.catch(() => undefined);
          throw new StoreError('STORE_INVALID', 'a transaction callback returned a promise', 'Do the awaiting before transact; its callback must be synchronous.');
        }
        const valid = DataSchema.safeParse(draft);
        if (!valid.success) throw new StoreError('STORE_INVALID', `the change would make ${file} invalid: ${describeIssue(valid.error.issues[0]!)}`, 'Nothing was changed.');
        const checked = valid.data;
        try {
          await adapter.write(checked);
        } catch (e) {
          throw new StoreError('STORE_IO', `cannot write ${file}: ${(e as Error).message}`, 'Check disk space and DATA_DIR permissions.');
        }
        // Readers see a document only once it is on disk.
        db.data = checked;
        // The legacy store: its logs are files of their own, written after the document (not atomically with it).
        const entry = opts?.audit?.(result);
        if (entry) staged.push({ name: 'audit', record: entry });
        for (const s of staged) await logs[s.name].append(s.record as never);
        return result;
      });
      queue = run.catch(() => undefined);
      return run;
    },
    async append(name, record) {
      await logs[name].append(record as never);
      if (name === 'surveyResponses') countResponses(counts, record as LogRecord<'surveyResponses'>);
    },
    audit: async (q) => filterAudit(logs.audit.all(), q),
    surveyResponses: async (surveyId) => logs.surveyResponses.all().filter((r) => r.surveyId === surveyId),
    responseCounts: () => counts,
    deliveries: async (q) => filterDeliveries(logs.deliveries.all(), q),
    unfinishedDeliveries: async () => unfinished(logs.deliveries.all()),
    // One process per data directory: every unfinished send is this one's.
    claimAbandonedDeliveries: async () => unfinished(logs.deliveries.all()),
    holdDelivery: async () => true,
    queuedJournalIds: async (ids) => {
      const wanted = new Set(ids);
      return new Set(logs.deliveries.all().map(journalIdOf).filter((j): j is string => j !== undefined && wanted.has(j)));
    },
    refresh: async () => undefined,
    // The document and the key are written by separate transactions here.
    withDedupeKey: (_key, fn) => fn(),
    async close() {
      closed = true;
      await queue;
      for (const log of Object.values(logs)) await log.close();
      await unlock();
    },
  };
}

/** Copies the original file durably before a migration overwrites it; an older backup is not replaced. */
async function keepBackup(file: string, backup: string): Promise<void> {
  const original = await readFile(file);
  try {
    await writeDurably(backup, original, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    // Same content already kept (a migration cut short by a crash) is fine; anything else gets a new name.
    if (!original.equals(await readFile(backup))) await writeDurably(`${backup}.${Date.now()}`, original, 'wx');
  }
  await syncDir(path.dirname(file));
}
