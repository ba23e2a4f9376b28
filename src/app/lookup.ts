// Records by a key, for views that look up thousands of them (40,000 staff at 1,000 schools): each
// committed list is indexed once and the index kept while that list is the one in force. The store
// replaces a list whenever it changes, so an index can never be stale; a draft inside a transaction
// can change under us, so it is searched as it is.
import { isDraft } from 'immer';

const indexes = new WeakMap<readonly unknown[], Map<string, Map<string, unknown>>>();

export function lookup<T>(list: readonly T[], keyName: string, key: (t: T) => string | undefined, value: string): T | undefined {
  if (isDraft(list)) return list.find((t) => key(t) === value);
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
