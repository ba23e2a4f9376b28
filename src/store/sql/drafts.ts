// Immer drafts as the SQL store's transactions use them: what a callback may do with a draft that
// Immer alone would not allow (structuredClone it, build new records from its parts, return them).
import { current, isDraft } from 'immer';

/**
 * Workflows copy records out of their transaction with structuredClone, which cannot clone Immer's
 * proxies: while a callback runs (synchronously, so nothing else sees it) structuredClone first takes
 * the draft's current value.
 */
export function withDraftCloning<T>(fn: () => T): T {
  const original = globalThis.structuredClone;
  globalThis.structuredClone = ((value: unknown, options?: StructuredSerializeOptions) => original(undraft(value), options)) as typeof structuredClone;
  try {
    return fn();
  } finally {
    globalThis.structuredClone = original;
  }
}

/** Immer's own key for a draft's state (public: Symbol.for). */
const DRAFT_STATE = Symbol.for('immer-state');
interface DraftState {
  modified_: boolean;
  base_: Record<PropertyKey, unknown>;
  copy_: Record<PropertyKey, unknown> | null;
}

/**
 * A new object built from parts of the draft (`push({ ...draft.schools[0], id })`) holds drafts that
 * Immer, with freezing off, may revoke before it copies them when several new objects share one.
 * Before the recipe ends, walk what changed and replace such drafts by their current values.
 */
export function settleNewObjects(draft: unknown): void {
  const state = (draft as Record<symbol, DraftState | undefined>)[DRAFT_STATE];
  if (!state?.modified_ || !state.copy_) return;
  const copy = state.copy_;
  const base = state.base_;
  if (Array.isArray(copy)) return settleArray(copy, base as unknown as unknown[]);
  for (const key of Object.keys(copy)) {
    const v = copy[key];
    if (!v || typeof v !== 'object') continue;
    if (isDraft(v)) settleNewObjects(v);
    else if (base[key] !== v) copy[key] = undraftDeep(v);
  }
}

/**
 * Arrays of tens of thousands of records (ISAP actions at 1,000 schools) change one element at a
 * time: compare by position first, and build the set of old elements only when one has moved.
 */
function settleArray(copy: unknown[], base: unknown[]): void {
  let old: Set<unknown> | undefined;
  for (let i = 0; i < copy.length; i++) {
    const v = copy[i];
    if (!v || typeof v !== 'object' || v === base[i]) continue;
    if (isDraft(v)) settleNewObjects(v);
    else if (!(old ??= new Set(base)).has(v)) copy[i] = undraftDeep(v);
  }
}

/** Replaces, in place, every draft inside a new plain object or array by its current value. */
function undraftDeep(v: unknown): unknown {
  if (isDraft(v)) return current(v);
  if (!v || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    const x = o[k];
    if (x && typeof x === 'object') o[k] = undraftDeep(x);
  }
  return v;
}

/** A transaction's result may hold parts of the draft, which Immer revokes when it finishes: hand back plain copies. */
export function undraft(v: unknown, depth = 0): unknown {
  if (isDraft(v)) return current(v);
  if (depth > 10 || !v || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.some((x) => x && typeof x === 'object') ? v.map((x) => undraft(x, depth + 1)) : v;
  if (Object.getPrototypeOf(v) !== Object.prototype) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, undraft(x, depth + 1)]));
}
