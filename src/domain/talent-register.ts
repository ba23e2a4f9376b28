// Rules of the talent register that need no storage: reading a nomination's expertise list,
// searching the register for school-to-school support, and the annual refresh.
import { addDays } from './calendar';
import type { Phase } from './schools';
import type { TalentEntry } from './talent';

export const MAX_EXPERTISE = 12;

/** "SEND, early reading,, Year 6" → ['SEND', 'early reading', 'Year 6']: trimmed, de-duplicated, order kept. */
export function parseExpertise(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[,;\n]/)) {
    const item = raw.trim().replace(/\s+/g, ' ');
    if (!item || seen.has(item.toLowerCase())) continue;
    seen.add(item.toLowerCase());
    out.push(item);
  }
  return out;
}

/** Stages still moving towards a decision: what the pipeline shows. */
export const IN_PIPELINE: readonly TalentEntry['stage'][] = ['nominated', 'referenced', 'interviewed', 'offer-pending'];

export function isActive(e: TalentEntry): boolean {
  return e.stage === 'on-register' || IN_PIPELINE.includes(e.stage);
}

const STOP_WORDS = new Set(['and', 'or', 'the', 'of', 'in', 'for', 'a', 'an', 'with']);

export function searchWords(text: string): string[] {
  return [...new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1 && !STOP_WORDS.has(w)))];
}

export interface SearchHit {
  entry: TalentEntry;
  /** How many of the searched words the entry's expertise (or post) contains. */
  matched: number;
}

/**
 * On-register entries whose expertise or post contain the words, best matches first. A word matches
 * the start of a word of the expertise ("lead" finds "leadership"), so short searches still work.
 */
export function searchRegister(entries: readonly TalentEntry[], words: string[], phase?: Phase): SearchHit[] {
  const hits: SearchHit[] = [];
  for (const entry of entries) {
    if (entry.stage !== 'on-register') continue;
    if (phase && entry.phase !== phase && entry.phase !== 'all-through') continue;
    const vocabulary = searchWords([...entry.expertise, entry.post].join(' '));
    const matched = words.filter((w) => vocabulary.some((v) => v.startsWith(w))).length;
    if (matched > 0) hits.push({ entry, matched });
  }
  return hits.sort((a, b) => b.matched - a.matched || a.entry.name.localeCompare(b.entry.name));
}

/** The date an entry's annual refresh falls due. */
export function refreshDueOn(e: TalentEntry): string | undefined {
  const from = e.refreshedAt ?? e.addedAt?.slice(0, 10);
  return from ? addDays(from, 365) : undefined;
}

export interface RefreshDue {
  entry: TalentEntry;
  due: string;
  overdue: boolean;
}

/** On-register entries whose refresh is overdue or falls due within `withinDays`, most overdue first. */
export function refreshesDue(entries: readonly TalentEntry[], today: string, withinDays = 30): RefreshDue[] {
  const horizon = addDays(today, withinDays);
  return entries
    .filter((e) => e.stage === 'on-register')
    .map((entry) => ({ entry, due: refreshDueOn(entry) ?? today }))
    .filter((r) => r.due <= horizon)
    .map((r) => ({ ...r, overdue: r.due < today }))
    .sort((a, b) => a.due.localeCompare(b.due));
}
