// The high-volume logs (audit, survey responses, deliveries): appended as rows, read only through
// these queries, each served by an index (see migrations.ts).
import type { Kysely } from 'kysely';
import type { AuditEntry, SurveyResponse } from '../../domain';
import { journalIdOf } from '../log-queries';
import type { Delivery, LogName, LogRecord } from '../schema';
import type { AuditQuery, DeliveryQuery } from '../store';
import type { Database } from './tables';

type Db = Kysely<Database>;

/** Appends records to their logs, one multi-row insert per log (appends that arrive together share it). */
export async function appendLogs(db: Db, batch: { name: LogName; record: LogRecord<LogName> }[]): Promise<void> {
  const of = <K extends LogName>(name: K) => batch.filter((b) => b.name === name).map((b) => b.record as LogRecord<K>);
  for (const part of chunks(of('audit'))) {
    await db
      .insertInto('audit')
      .values(part.map((r) => ({ at: r.at, actor_id: r.actorId, action: r.action, subject: r.subject ?? null, outcome: r.outcome, data: JSON.stringify(r) })))
      .execute();
  }
  for (const part of chunks(of('surveyResponses'))) {
    await db.insertInto('survey_responses').values(part.map((r) => ({ survey_id: r.surveyId, school_id: r.schoolId, data: JSON.stringify(r) }))).execute();
  }
  for (const part of chunks(of('deliveries'))) {
    await db
      .insertInto('deliveries')
      .values(part.map((r) => ({ delivery_id: r.id, state: r.state, journal_id: journalIdOf(r) ?? null, data: JSON.stringify(r) })))
      .execute();
  }
}

function chunks<T>(xs: readonly T[], n = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

export async function queryAudit(db: Db, q: AuditQuery = {}): Promise<AuditEntry[]> {
  let s = db.selectFrom('audit').select('data');
  if (q.action !== undefined) s = s.where('action', '=', q.action);
  if (q.subject !== undefined) s = s.where('subject', '=', q.subject);
  if (q.actorId !== undefined) s = s.where('actor_id', '=', q.actorId);
  if (q.outcome !== undefined) s = s.where('outcome', '=', q.outcome);
  if (q.since !== undefined) s = s.where('at', '>=', q.since);
  s = s.orderBy('id', q.newest ? 'desc' : 'asc');
  if (q.limit !== undefined) s = s.limit(q.limit);
  const rows = (await s.execute()).map((r) => r.data as AuditEntry);
  return q.newest ? rows.reverse() : rows;
}

export async function querySurveyResponses(db: Db, surveyId: string): Promise<SurveyResponse[]> {
  const rows = await db.selectFrom('survey_responses').select('data').where('survey_id', '=', surveyId).orderBy('id').execute();
  return rows.map((r) => r.data as SurveyResponse);
}

export async function responseCounts(db: Db): Promise<Map<string, Record<string, number>>> {
  const rows = await db
    .selectFrom('survey_responses')
    .select(['survey_id', 'school_id', (eb) => eb.fn.countAll().as('n')])
    .groupBy(['survey_id', 'school_id'])
    .execute();
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) (out.get(r.survey_id) ?? out.set(r.survey_id, {}).get(r.survey_id)!)[r.school_id] = Number(r.n);
  return out;
}

export async function queryDeliveries(db: Db, q: DeliveryQuery = {}): Promise<Delivery[]> {
  let s = db.selectFrom('deliveries').select('data');
  if (q.state !== undefined) s = s.where('state', '=', q.state);
  if (q.id !== undefined) s = s.where('delivery_id', '=', q.id);
  return (await s.orderBy('id').execute()).map((r) => r.data as Delivery);
}

/** Queued records with no later record for the same send. */
export async function unfinishedDeliveries(db: Db): Promise<Delivery[]> {
  const rows = await db
    .selectFrom('deliveries as d')
    .select('d.data')
    .where('d.state', '=', 'queued')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('deliveries as later').select('later.id').whereRef('later.delivery_id', '=', 'd.delivery_id').whereRef('later.id', '>', 'd.id'))),
    )
    .orderBy('d.id')
    .execute();
  return rows.map((r) => r.data as Delivery).filter((d) => d.notification !== undefined);
}

export async function queuedJournalIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('deliveries').select('journal_id').distinct().where('journal_id', 'in', ids).execute();
  return new Set(rows.map((r) => r.journal_id!));
}

const LOG_TABLES = { audit: 'audit', surveyResponses: 'survey_responses', deliveries: 'deliveries' } as const;

export async function countLog(db: Db, name: LogName): Promise<number> {
  const r = await db.selectFrom(LOG_TABLES[name]).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
