// Moving in: reads a DATA_DIR written by the JSON store of earlier releases (db.json and its JSON
// Lines logs) without changing a byte of it, and copies it into the SQL store, checking the counts.
import path from 'node:path';
import { AppendLog } from './append-log';
import { DurableJsonFile } from './durable-file';
import { StoreError, describeIssue } from './errors';
import { migrate } from './migrations';
import { DataSchema, LOGS, type Data, type LogName, type LogRecord } from './schema';
import type { SqlStore } from './sql-store';

export interface LegacyData {
  data: Data;
  logs: { [K in LogName]: LogRecord<K>[] };
}

export async function readLegacyDataDir(dataDir: string): Promise<LegacyData | undefined> {
  const file = path.join(dataDir, 'db.json');
  const got = await new DurableJsonFile<Data>(file).load();
  if (!got.found) return undefined;
  const parsed = DataSchema.safeParse(migrate(got.value, file).data);
  if (!parsed.success) throw new StoreError('STORE_INVALID', `${file}: ${describeIssue(parsed.error.issues[0]!)}`, 'Restore the file from a backup; it was left as it is.');
  const logs = {} as LegacyData['logs'];
  for (const name of Object.keys(LOGS) as LogName[]) {
    (logs as Record<LogName, unknown[]>)[name] = await new AppendLog(path.join(dataDir, `${name}.jsonl`), LOGS[name] as never).readOnly();
  }
  return { data: parsed.data, logs };
}

/** What each part holds, to compare the copy with the original. */
export function countsOf(data: Data, logCount: (name: LogName) => number): Record<string, number> {
  const out: Record<string, number> = { trust: data.trust ? 1 : 0 };
  for (const [k, v] of Object.entries(data)) {
    if (Array.isArray(v)) out[k] = v.length;
    else if (k === 'jobRuns') out[k] = Object.keys(v as object).length;
    else if (k === 'surveyResponders') out[k] = Object.values(v as Record<string, string[]>).reduce((n, hs) => n + hs.length, 0);
  }
  for (const name of Object.keys(LOGS) as LogName[]) out[name] = logCount(name);
  return out;
}

/** Copies the legacy data into an empty store; returns the counts before and after. */
export async function importLegacy(store: SqlStore, legacy: LegacyData): Promise<{ expected: Record<string, number>; found: Record<string, number> }> {
  if (store.version() > 0) throw new StoreError('STORE_INVALID', 'the database already holds data', 'Migrate into an empty database (a new DATA_DIR, or a new database on the server).');
  for (const name of Object.keys(LOGS) as LogName[]) await store.appendMany(name, legacy.logs[name] as never);
  await store.transact((d) => void Object.assign(d, legacy.data));
  const expected = countsOf(legacy.data, (n) => legacy.logs[n].length);
  const logCounts = Object.fromEntries(await Promise.all((Object.keys(LOGS) as LogName[]).map(async (n) => [n, await store.count(n)] as const)));
  const found = countsOf(store.read(), (n) => logCounts[n]!);
  return { expected, found };
}
