// The embedded store: one lowdb JSON document for the trust's records, JSON Lines logs for the
// high-volume ones (audit, survey responses, deliveries), all under DATA_DIR.
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { AppendLog } from './append-log';
import { DurableJsonFile } from './durable-file';
import { StoreError } from './errors';
import { migrate } from './migrations';
import { DataSchema, LOGS, emptyData, type Data, type LogName, type LogRecord } from './schema';
import type { Store } from './store';

export async function openLowdbStore(dataDir: string): Promise<Store> {
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, 'db.json');
  const adapter = new DurableJsonFile<Data>(file);
  const db = new Low<Data>(adapter, emptyData());

  const raw = await adapter.read();
  if (raw !== null) {
    const { data, from } = migrate(raw as unknown as Record<string, unknown>, file);
    const parsed = DataSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new StoreError('STORE_INVALID', `${file}: ${issue.path.join('.')}: ${issue.message}`, 'Restore the file from a backup; it was left as it is.');
    }
    db.data = parsed.data;
    if (from !== parsed.data.schemaVersion) {
      await copyFile(file, `${file}.v${from}.bak`);
      await db.write();
    }
  } else {
    await db.write();
  }

  const logs = Object.fromEntries(
    (Object.keys(LOGS) as LogName[]).map((name) => [name, new AppendLog(path.join(dataDir, `${name}.jsonl`), LOGS[name] as never)]),
  ) as { [K in LogName]: AppendLog<LogRecord<K>> };
  for (const log of Object.values(logs)) await log.load();

  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  return {
    read: () => db.data,
    transact<T>(fn: (draft: Data) => T): Promise<T> {
      const run = queue.then(async () => {
        if (closed) throw new StoreError('STORE_CLOSED', 'the store is closed', 'Restart the bot.');
        const draft = structuredClone(db.data);
        const result = fn(draft);
        const checked = DataSchema.parse(draft);
        const previous = db.data;
        db.data = checked;
        try {
          await db.write();
        } catch (e) {
          db.data = previous;
          throw new StoreError('STORE_IO', `cannot write ${file}: ${(e as Error).message}`, 'Check disk space and DATA_DIR permissions.');
        }
        return result;
      });
      queue = run.catch(() => undefined);
      return run;
    },
    append: (name, record) => logs[name].append(record as never),
    log: (name) => logs[name].all() as never,
    async close() {
      closed = true;
      await queue;
      for (const log of Object.values(logs)) await log.close();
    },
  };
}
