// Reads the document from its tables, writes a transaction's changed rows, and catches a snapshot
// up with the rows other instances changed (from the change log).
import { sql, type Kysely, type Transaction } from 'kysely';
import { SCHEMA_VERSION, emptyData, type Data } from '../schema';
import type { Changes } from './changes';
import { ARRAY_KINDS, JOB_RUNS_TABLE, KIND_BY_TABLE, RESPONDERS_TABLE, TRUST_TABLE } from './kinds';
import type { Database } from './tables';

type Db = Kysely<Database> | Transaction<Database>;
/** The document tables share one shape; their names are data here, so Kysely sees them loosely. */
type Loose = Kysely<Record<string, { id: string; seq: number; data: unknown; [column: string]: unknown }>>;
const loose = (db: Db) => db as unknown as Loose;

const CHUNK = 1000;
/** Past this many changed rows in one table, catching up reloads the table instead. */
const RELOAD_OVER = 500;

function chunks<T>(xs: readonly T[], n = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

export async function currentVersion(db: Db): Promise<number> {
  const r = await db.selectFrom('store_version').select('version').where('id', '=', 1).executeTakeFirstOrThrow();
  return Number(r.version);
}

async function tableRecords(db: Db, table: string, ids?: readonly string[]): Promise<{ id: string; data: unknown }[]> {
  if (ids) {
    const out: { id: string; data: unknown }[] = [];
    for (const part of chunks(ids)) out.push(...(await loose(db).selectFrom(table).select(['id', 'data']).where('id', 'in', part).orderBy('seq').execute()));
    return out;
  }
  return loose(db).selectFrom(table).select(['id', 'data']).orderBy('seq').execute();
}

async function responders(db: Db, surveyIds?: readonly string[]): Promise<Record<string, string[]>> {
  // Byte order ("C"), as JavaScript's sort() keeps them in the document.
  let q = db.selectFrom('survey_responders').select(['survey_id', 'hash']).orderBy('survey_id').orderBy(sql`hash collate "C"`);
  if (surveyIds) q = q.where('survey_id', 'in', surveyIds);
  const out: Record<string, string[]> = {};
  for (const r of await q.execute()) (out[r.survey_id] ??= []).push(r.hash);
  return out;
}

async function jobRuns(db: Db): Promise<Data['jobRuns']> {
  return Object.fromEntries((await tableRecords(db, JOB_RUNS_TABLE)).map((r) => [r.id, r.data as string]));
}

async function trust(db: Db): Promise<Data['trust']> {
  return ((await tableRecords(db, TRUST_TABLE))[0]?.data as Data['trust'] | undefined) ?? null;
}

/**
 * The whole document. Records are not re-validated here: each was validated when written, and a
 * restart must stay fast whatever the size of the trust.
 */
export async function loadDocument(db: Db): Promise<Data> {
  const data = emptyData() as Data & Record<string, unknown>;
  for (const kind of ARRAY_KINDS) data[kind.field] = (await tableRecords(db, kind.table)).map((r) => r.data) as never;
  data.trust = await trust(db);
  data.jobRuns = await jobRuns(db);
  data.surveyResponders = await responders(db);
  data.schemaVersion = SCHEMA_VERSION;
  return data;
}

/** Writes the changes and logs them under a new version, which it returns. Call inside the transaction holding the write lock. */
export async function writeChanges(trx: Transaction<Database>, c: Changes): Promise<number> {
  const logged: { tbl: string; id: string }[] = [];
  for (const t of c.tables) {
    for (const part of chunks(t.upserts)) {
      const columns = Object.keys(part[0]!.columns);
      await loose(trx)
        .insertInto(t.table)
        .values(part.map((w) => ({ id: w.id, data: JSON.stringify(w.data), ...w.columns })))
        .onConflict((oc) => oc.column('id').doUpdateSet((eb) => Object.fromEntries(['data', ...columns].map((col) => [col, eb.ref(`excluded.${col}`)]))))
        .execute();
    }
    for (const part of chunks(t.deletes)) await loose(trx).deleteFrom(t.table).where('id', 'in', part).execute();
    if (t.order) {
      // Renumber in the new order from a block of the sequence reserved for it.
      const n = t.order.length;
      const base = Number((await sql<{ base: string }>`select setval('store_seq', nextval('store_seq') + ${n}) - ${n} as base`.execute(trx)).rows[0]!.base);
      await sql`update ${sql.table(t.table)} as t set seq = ${base} + v.ord from unnest(${t.order}::text[]) with ordinality as v(id, ord) where t.id = v.id`.execute(trx);
      logged.push({ tbl: t.table, id: '*' });
    }
    for (const w of t.upserts) logged.push({ tbl: t.table, id: w.id });
    for (const id of t.deletes) logged.push({ tbl: t.table, id });
  }
  for (const part of chunks(c.respondersAdded)) {
    await trx.insertInto('survey_responders').values(part.map(([survey_id, hash]) => ({ survey_id, hash }))).onConflict((oc) => oc.doNothing()).execute();
  }
  for (const [surveyId, hash] of c.respondersRemoved) {
    await trx.deleteFrom('survey_responders').where('survey_id', '=', surveyId).where('hash', '=', hash).execute();
  }
  for (const surveyId of new Set([...c.respondersAdded, ...c.respondersRemoved].map(([s]) => s))) logged.push({ tbl: RESPONDERS_TABLE, id: surveyId });
  // The new version and what it changed, in one statement.
  const unique = [...new Map(logged.map((l) => [`${l.tbl}\u0000${l.id}`, l])).values()];
  const r = await sql<{ version: string | number }>`
    with v as (update store_version set version = version + 1 where id = 1 returning version)
    insert into change_log (version, tbl, id)
    select v.version, t.tbl, t.id from v, unnest(${unique.map((l) => l.tbl)}::text[], ${unique.map((l) => l.id)}::text[]) as t(tbl, id)
    returning version`.execute(trx);
  return Number(r.rows[0]!.version);
}

/**
 * The snapshot with every row changed after `since` read again. Returns undefined when the change
 * log no longer reaches back that far (pruned): then reload the whole document.
 */
export async function catchUp(db: Db, snapshot: Data, since: number): Promise<Data | undefined> {
  const first = await db.selectFrom('change_log').select('version').where('version', '=', since + 1).limit(1).executeTakeFirst();
  if (!first) return undefined;
  const rows = await db.selectFrom('change_log').select(['tbl', 'id']).distinct().where('version', '>', since).execute();
  const byTable = new Map<string, string[]>();
  for (const r of rows) byTable.set(r.tbl, [...(byTable.get(r.tbl) ?? []), r.id]);
  const next: Data = { ...snapshot };
  for (const [table, ids] of byTable) {
    if (table === TRUST_TABLE) next.trust = await trust(db);
    else if (table === JOB_RUNS_TABLE) next.jobRuns = await jobRuns(db);
    else if (table === RESPONDERS_TABLE) next.surveyResponders = { ...next.surveyResponders, ...emptyFor(ids), ...(await responders(db, ids)) };
    else {
      const kind = KIND_BY_TABLE.get(table);
      if (!kind) continue;
      if (ids.includes('*') || ids.length > RELOAD_OVER) {
        (next as Record<string, unknown>)[kind.field] = (await tableRecords(db, table)).map((r) => r.data);
        continue;
      }
      const found = new Map((await tableRecords(db, table, ids)).map((r) => [r.id, r.data]));
      const key = kind.key as (r: unknown) => string;
      const arr = [...(next[kind.field] as unknown[])];
      const at = new Map(arr.map((r, i) => [key(r), i]));
      const gone = new Set<number>();
      for (const id of ids) {
        const i = at.get(id);
        if (found.has(id)) {
          if (i === undefined) arr.push(found.get(id));
          else arr[i] = found.get(id);
        } else if (i !== undefined) gone.add(i);
      }
      (next as Record<string, unknown>)[kind.field] = gone.size ? arr.filter((_, i) => !gone.has(i)) : arr;
    }
  }
  return next;
}

function emptyFor(surveyIds: string[]): Record<string, string[]> {
  return Object.fromEntries(surveyIds.map((s) => [s, []]));
}

/** Keeps the change log short: instances further behind than this reload the document. */
export async function pruneChangeLog(trx: Transaction<Database>, version: number, keep = 10_000): Promise<void> {
  await trx.deleteFrom('change_log').where('version', '<=', version - keep).execute();
}
