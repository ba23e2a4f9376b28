// How each part of the document maps to a table: its key, its schema, and the columns copied out of
// the record for the views and claims that filter on them.
import type { z } from 'zod';
import { DataSchema, OutboxEntrySchema, type Data } from '../schema';

type ArrayField = { [K in keyof Data]: Data[K] extends readonly unknown[] ? K : never }[keyof Data];

export interface ArrayKind {
  field: ArrayField;
  table: string;
  schema: z.ZodType;
  key(record: never): string;
  /** Extra columns, by name, from the record. */
  columns?(record: never): Record<string, string>;
}

const byId = (r: { id: string }) => r.id;
const shape = DataSchema.shape;

export const ARRAY_KINDS: ArrayKind[] = [
  { field: 'schools', table: 'schools', schema: shape.schools.element, key: byId },
  { field: 'people', table: 'people', schema: shape.people.element, key: byId },
  {
    field: 'categoryHistory',
    table: 'category_changes',
    schema: shape.categoryHistory.element,
    key: byId,
    columns: (r: Data['categoryHistory'][number]) => ({ school_id: r.schoolId }),
  },
  { field: 'riskRounds', table: 'risk_rounds', schema: shape.riskRounds.element, key: byId },
  {
    field: 'isapActions',
    table: 'isap_actions',
    schema: shape.isapActions.element,
    key: byId,
    columns: (r: Data['isapActions'][number]) => ({ school_id: r.schoolId, owner_id: r.ownerId, due: r.due, status: r.status }),
  },
  { field: 'forums', table: 'forums', schema: shape.forums.element, key: byId },
  { field: 'talent', table: 'talent', schema: shape.talent.element, key: byId, columns: (r: Data['talent'][number]) => ({ school_id: r.schoolId }) },
  { field: 'surveys', table: 'surveys', schema: shape.surveys.element, key: byId },
  { field: 'approvals', table: 'approvals', schema: shape.approvals.element, key: byId },
  {
    field: 'subscriptions',
    table: 'subscriptions',
    schema: shape.subscriptions.element,
    key: (r: Data['subscriptions'][number]) => JSON.stringify([r.conversationKey, r.digest]),
  },
  { field: 'conversations', table: 'conversations', schema: shape.conversations.element, key: (r: Data['conversations'][number]) => r.key },
  {
    field: 'postedCards',
    table: 'posted_cards',
    schema: shape.postedCards.element,
    key: (r: Data['postedCards'][number]) => JSON.stringify([r.subject, r.conversationKey, r.messageId]),
  },
  // A dedupe key is its own primary key: the same key can never be recorded twice.
  { field: 'processed', table: 'processed', schema: shape.processed.element, key: (r: string) => r },
  { field: 'outbox', table: 'outbox', schema: OutboxEntrySchema, key: byId },
];

export const KIND_BY_FIELD = new Map<string, ArrayKind>(ARRAY_KINDS.map((k) => [k.field, k]));
export const KIND_BY_TABLE = new Map<string, ArrayKind>(ARRAY_KINDS.map((k) => [k.table, k]));

/** The document's other parts: the trust (one row or none), job runs (name → time), responders (rows of survey, hash). */
export const TRUST_TABLE = 'trust';
export const TRUST_ID = 'trust';
export const JOB_RUNS_TABLE = 'job_runs';
export const RESPONDERS_TABLE = 'survey_responders';
export const trustSchema = shape.trust.unwrap();
export const jobRunSchema = shape.jobRuns.valueType;
