// The log queries over records held in memory: the lowdb store's way of answering them, and the
// reference the SQL store's queries are tested against.
import type { AuditEntry, SurveyResponse } from '../domain';
import type { Delivery } from './schema';
import type { AuditQuery, DeliveryQuery } from './store';

export function filterAudit(all: readonly AuditEntry[], q: AuditQuery = {}): AuditEntry[] {
  const since = q.since ? Date.parse(q.since) : undefined;
  const hits = all.filter(
    (e) =>
      (q.action === undefined || e.action === q.action) &&
      (q.subject === undefined || e.subject === q.subject) &&
      (q.actorId === undefined || e.actorId === q.actorId) &&
      (q.outcome === undefined || e.outcome === q.outcome) &&
      (since === undefined || Date.parse(e.at) >= since),
  );
  if (q.limit === undefined) return hits;
  return q.newest ? hits.slice(-q.limit) : hits.slice(0, q.limit);
}

export function filterDeliveries(all: readonly Delivery[], q: DeliveryQuery = {}): Delivery[] {
  return all.filter((d) => (q.state === undefined || d.state === q.state) && (q.id === undefined || d.id === q.id));
}

/** The latest record of each send, where that is 'queued'. */
export function unfinished(all: readonly Delivery[]): Delivery[] {
  const last = new Map<string, Delivery>();
  for (const d of all) last.set(d.id, d);
  return [...last.values()].filter((d) => d.state === 'queued' && d.notification !== undefined);
}

export function journalIdOf(d: Pick<Delivery, 'notification'>): string | undefined {
  const n = d.notification as { journalId?: unknown } | undefined;
  return typeof n?.journalId === 'string' ? n.journalId : undefined;
}

export function countResponses(into: Map<string, Record<string, number>>, r: Pick<SurveyResponse, 'surveyId' | 'schoolId'>): void {
  const bySchool = into.get(r.surveyId) ?? {};
  bySchool[r.schoolId] = (bySchool[r.schoolId] ?? 0) + 1;
  into.set(r.surveyId, bySchool);
}
