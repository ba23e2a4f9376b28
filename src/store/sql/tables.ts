// The table types Kysely checks queries against. Records live whole in `data` (jsonb), validated by
// the domain's zod schemas on write; the other columns are copies of what views and claims filter on.
import type { ColumnType, Generated } from 'kysely';

/** jsonb: written as JSON text (both engines parse it), read back parsed. */
export type Json = ColumnType<unknown, string, string>;
/** bigint columns: pg returns strings, PGlite numbers; read them through Number(). */
export type BigIntCol = ColumnType<string | number | bigint, number | undefined, number>;

export interface DocRow {
  id: string;
  /** Position in the document's array: new rows take the next value, so a reload keeps the order. */
  seq: Generated<BigIntCol>;
  data: Json;
}

export interface IsapActionRow extends DocRow {
  school_id: string;
  owner_id: string;
  due: string;
  status: string;
}

export interface SchoolScopedRow extends DocRow {
  school_id: string;
}

export interface AuditRow {
  id: Generated<BigIntCol>;
  at: string;
  actor_id: string;
  action: string;
  subject: string | null;
  outcome: string;
  data: Json;
}

export interface SurveyResponseRow {
  id: Generated<BigIntCol>;
  survey_id: string;
  school_id: string;
  data: Json;
}

export interface DeliveryRow {
  id: Generated<BigIntCol>;
  delivery_id: string;
  state: string;
  journal_id: string | null;
  data: Json;
}

export interface Database {
  trust: DocRow;
  schools: DocRow;
  people: DocRow;
  category_changes: SchoolScopedRow;
  risk_rounds: DocRow;
  isap_actions: IsapActionRow;
  forums: DocRow;
  talent: SchoolScopedRow;
  surveys: DocRow;
  survey_responders: { survey_id: string; hash: string };
  approvals: DocRow;
  subscriptions: DocRow;
  conversations: DocRow;
  posted_cards: DocRow;
  job_runs: DocRow;
  processed: DocRow;
  outbox: DocRow;
  audit: AuditRow;
  survey_responses: SurveyResponseRow;
  deliveries: DeliveryRow;
  delivery_claims: { delivery_id: string; owner: string; until: Date | string };
  /** One row: bumped by every commit that changes the document. */
  store_version: { id: number; version: BigIntCol };
  /** What each commit changed, so other instances catch up on those rows only. */
  change_log: { version: BigIntCol; tbl: string; id: string };
}
