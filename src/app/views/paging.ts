// Long lists in chat: what matters most comes first (the caller sorts), a page at a time, and a line
// that says how many more there are and what to type for them. Keeps every view inside the
// platforms' limits (Teams 28 KB a message, Slack 50 blocks) at 1,000 schools. Pure.

export interface Page<T> {
  items: T[];
  /** 1-based. */
  page: number;
  pages: number;
  total: number;
  /** "… and 812 more: type risk meeting page 2", or '' on the last page. */
  more: string;
}

/** Splits `page N` (or `p N`) off the end of a command's words: `risk meeting page 2` → 2. */
export function pageArg(args: readonly string[]): { page: number; rest: string[] } {
  const n = args.length;
  if (n >= 2 && /^(page|p)$/i.test(args[n - 2]!) && /^\d{1,4}$/.test(args[n - 1]!)) {
    return { page: Math.max(1, Number(args[n - 1])), rest: args.slice(0, n - 2) };
  }
  return { page: 1, rest: [...args] };
}

/**
 * One page of `all` (already in the order people need it). A page past the end shows the last one,
 * so an old "page 9" still answers after the list has shrunk.
 */
export function pageOf<T>(all: readonly T[], page: number, size: number, command: string): Page<T> {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const p = Math.min(Math.max(1, page), pages);
  const items = all.slice((p - 1) * size, p * size);
  const after = all.length - p * size;
  const more = after > 0 ? `… and ${after} more: type ${command} page ${p + 1}` : '';
  return { items, page: p, pages, total: all.length, more };
}

/** "page 2 of 14" for a heading, or '' when everything fits on one page. */
export function pageLabel(p: Pick<Page<unknown>, 'page' | 'pages'>): string {
  return p.pages > 1 ? `page ${p.page} of ${p.pages}` : '';
}
