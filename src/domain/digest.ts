// Rules every digest follows, whatever it reports: long lists cut to the top few with "and N more",
// bars drawn in text where a chart cannot be, and survey response rates that never expose a small group.
import { releaseSchools } from './surveys-results';

/** The first `n` items and what is left over, said in words ("and 140 more schools"). */
export function topN<T>(items: readonly T[], n: number, noun = 'more'): { shown: T[]; more: string } {
  const rest = items.length - n;
  return { shown: items.slice(0, n), more: rest > 0 ? `and ${rest} ${noun}` : '' };
}

/** A bar of text for hosts that cannot draw charts: "██████ 6". Scaled so the longest is `width`. */
export function textBar(value: number, max: number, width = 16): string {
  const len = max > 0 ? Math.round((value / max) * width) : 0;
  return `${'█'.repeat(value > 0 ? Math.max(1, len) : 0)} ${value}`.trim();
}

/** Shortens a label for a chart axis; the full name stays in the text beside it. */
export function shortLabel(text: string, max = 24): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export interface SchoolRate {
  schoolId: string;
  /** Whole per cent, or undefined when the school's group is too small to show. */
  rate?: number;
}

export interface ResponseRates {
  /** Whole per cent across the survey, or undefined when fewer than `minGroup` have answered. */
  overall?: number;
  schools: SchoolRate[];
  /** Schools whose rate is held back, for "n schools not shown (fewer than 5 responses)". */
  hidden: number;
}

/**
 * Response rates from counts and invitations. A school's rate is shown only when the survey's results
 * would show it (`releaseSchools`): from `minGroup` responses, and not when the schools held back would
 * then add up to a small group that the overall figure gives away by subtraction.
 */
export function responseRates(responses: Record<string, number>, invited: Record<string, number>, minGroup: number): ResponseRates {
  const schools = Object.keys(invited).filter((id) => (invited[id] ?? 0) > 0);
  const count = (id: string) => responses[id] ?? 0;
  const total = schools.reduce((n, id) => n + count(id), 0);
  const invitedTotal = schools.reduce((n, id) => n + (invited[id] ?? 0), 0);
  const pct = (n: number, d: number) => Math.round((100 * n) / d);
  // The same release rule as the survey's own results, so no view can be subtracted from another.
  const shown = new Set(releaseSchools(Object.fromEntries(schools.map((id) => [id, count(id)])), minGroup).released);
  return {
    overall: total >= minGroup && invitedTotal > 0 ? pct(total, invitedTotal) : undefined,
    schools: schools.map((id) => ({ schoolId: id, rate: shown.has(id) ? pct(count(id), invited[id]!) : undefined })),
    hidden: schools.length - shown.size,
  };
}
