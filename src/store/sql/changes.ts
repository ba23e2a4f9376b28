// Turns a transaction's before and after documents (and Immer's patches, which say where to look)
// into the rows to write: only the records whose object changed, found by reference thanks to
// Immer's structural sharing, each validated with its zod schema.
import type { Patch } from 'immer';
import type { z } from 'zod';
import { StoreError, describeIssue } from '../errors';
import type { Data } from '../schema';
import { ARRAY_KINDS, JOB_RUNS_TABLE, TRUST_ID, TRUST_TABLE, jobRunSchema, trustSchema, type ArrayKind } from './kinds';

export interface RowWrite {
  id: string;
  /** The record as validated (zod's defaults filled in). */
  data: unknown;
  columns: Record<string, string>;
}

export interface TableChange {
  table: string;
  upserts: RowWrite[];
  deletes: string[];
  /** Set when records were reordered (not just appended): every key, in the new order. */
  order?: string[];
}

export interface Changes {
  tables: TableChange[];
  /** survey_responders rows, as [surveyId, hash]. */
  respondersAdded: [string, string][];
  respondersRemoved: [string, string][];
}

export function isEmpty(c: Changes): boolean {
  return !c.respondersAdded.length && !c.respondersRemoved.length && c.tables.every((t) => !t.upserts.length && !t.deletes.length && !t.order);
}

export function changesOf(before: Data, after: Data, patches: Patch[]): Changes {
  const touched = new Map<string, Patch[]>();
  for (const p of patches) {
    const field = String(p.path[0]);
    touched.set(field, [...(touched.get(field) ?? []), p]);
  }
  const out: Changes = { tables: [], respondersAdded: [], respondersRemoved: [] };
  for (const kind of ARRAY_KINDS) {
    const ps = touched.get(kind.field);
    if (!ps || before[kind.field] === after[kind.field]) continue;
    out.tables.push(arrayChange(kind, before[kind.field] as unknown[], after[kind.field] as unknown[], ps));
  }
  if (before.trust !== after.trust) {
    out.tables.push(
      after.trust
        ? { table: TRUST_TABLE, upserts: [{ id: TRUST_ID, data: validate(trustSchema, after.trust, TRUST_TABLE, TRUST_ID), columns: {} }], deletes: [] }
        : { table: TRUST_TABLE, upserts: [], deletes: [TRUST_ID] },
    );
  }
  if (before.jobRuns !== after.jobRuns) {
    const t: TableChange = { table: JOB_RUNS_TABLE, upserts: [], deletes: [] };
    for (const [name, at] of Object.entries(after.jobRuns)) {
      if (before.jobRuns[name] !== at) t.upserts.push({ id: name, data: validate(jobRunSchema, at, JOB_RUNS_TABLE, name), columns: {} });
    }
    for (const name of Object.keys(before.jobRuns)) if (!(name in after.jobRuns)) t.deletes.push(name);
    out.tables.push(t);
  }
  if (before.surveyResponders !== after.surveyResponders) {
    for (const surveyId of new Set([...Object.keys(before.surveyResponders), ...Object.keys(after.surveyResponders)])) {
      const was = before.surveyResponders[surveyId] ?? [];
      const now = after.surveyResponders[surveyId] ?? [];
      if (was === now) continue;
      const old = new Set(was);
      const kept = new Set(now);
      for (const h of kept) {
        if (typeof h !== 'string' || !h) throw new StoreError('STORE_INVALID', `survey_responders ${surveyId}: a responder must be a non-empty string`, 'Nothing was changed.');
        if (!old.has(h)) out.respondersAdded.push([surveyId, h]);
      }
      for (const h of old) if (!kept.has(h)) out.respondersRemoved.push([surveyId, h]);
    }
  }
  return out;
}

function arrayChange(kind: ArrayKind, before: unknown[], after: unknown[], patches: Patch[]): TableChange {
  const key = kind.key as (r: unknown) => string;
  const row = (r: unknown): RowWrite => {
    const id = key(r);
    const data = validate(kind.schema, r, kind.table, id);
    return { id, data, columns: kind.columns ? (kind.columns as (r: unknown) => Record<string, string>)(data) : {} };
  };
  // Changes inside records already there (the usual update): the patches name their indexes.
  const inPlace = before.length === after.length && patches.every((p) => p.path.length >= 3 || (p.path.length === 2 && p.op === 'replace' && typeof p.path[1] === 'number'));
  if (inPlace) {
    const upserts: RowWrite[] = [];
    let sameKeys = true;
    for (const i of new Set(patches.map((p) => p.path[1] as number))) {
      if (before[i] === after[i]) continue;
      if (key(before[i]) !== key(after[i])) {
        sameKeys = false;
        break;
      }
      upserts.push(row(after[i]));
    }
    if (sameKeys) return { table: kind.table, upserts, deletes: [] };
  }
  // Anything else (added, removed, replaced, reordered): compare the arrays by key and by reference.
  const oldIndex = new Map<string, number>();
  before.forEach((r, i) => oldIndex.set(key(r), i));
  const seen = new Set<string>();
  const upserts: RowWrite[] = [];
  let lastOld = -1;
  let added = false;
  let reordered = false;
  for (const r of after) {
    const k = key(r);
    if (seen.has(k)) continue; // a duplicate key is one row
    seen.add(k);
    const i = oldIndex.get(k);
    if (i === undefined) {
      upserts.push(row(r));
      added = true;
      continue;
    }
    if (added || i < lastOld) reordered = true;
    lastOld = i;
    if (before[i] !== r) upserts.push(row(r));
  }
  const deletes = [...oldIndex.keys()].filter((k) => !seen.has(k));
  return { table: kind.table, upserts, deletes, ...(reordered ? { order: [...seen] } : {}) };
}

function validate(schema: z.ZodType, value: unknown, table: string, id: string): unknown {
  const r = schema.safeParse(value);
  if (!r.success) throw new StoreError('STORE_INVALID', `the change would make ${table} ${id} invalid: ${describeIssue(r.error.issues[0]!)}`, 'Nothing was changed.');
  return r.data;
}
