// Records by a key, for views that look up thousands of them (40,000 staff at 1,000 schools): each
// committed list is indexed once and the index kept while that list is the one in force. The store
// replaces a list whenever it changes, so an index can never be stale; a draft inside a transaction
// can change under us, so it is searched as it is.
import { isDraft, original } from 'immer';

const indexes = new WeakMap<readonly unknown[], Map<string, Map<string, unknown>>>();

export function lookup<T>(list: readonly T[], keyName: string, key: (t: T) => string | undefined, value: string): T | undefined {
  if (isDraft(list)) return findIn(list as T[], (t) => key(t) === value);
  let byKey = indexes.get(list);
  if (!byKey) indexes.set(list, (byKey = new Map()));
  let index = byKey.get(keyName) as Map<string, T> | undefined;
  if (!index) {
    index = new Map();
    // The first record with a key wins, as find() would have it.
    for (const t of list) {
      const k = key(t);
      if (k !== undefined && !index.has(k)) index.set(k, t);
    }
    byKey.set(keyName, index);
  }
  return index.get(value);
}

/**
 * find() on a list that may be a transaction's draft. Searching a draft wraps every element it passes
 * in a proxy (30,000 ISAP actions at 1,000 schools, for one change): search the committed list
 * instead, and take the draft's element at that place when it is still the one wanted.
 */
export function findIn<T>(list: T[], pred: (t: T) => boolean): T | undefined {
  if (!isDraft(list)) return list.find(pred);
  const i = (original(list as never) as T[]).findIndex(pred);
  const t = i >= 0 ? list[i] : undefined;
  if (t !== undefined && pred(t)) return t;
  // Not there, or moved: only a list this transaction already changed needs the slow search.
  return unchanged(list) ? undefined : list.find(pred);
}

/** Immer's state of a draft (Symbol.for, so public): whether this transaction has changed the list yet. */
function unchanged(draft: unknown): boolean {
  const state = (draft as Record<symbol, { modified_?: boolean } | undefined>)[Symbol.for('immer-state')];
  return state?.modified_ === false;
}
