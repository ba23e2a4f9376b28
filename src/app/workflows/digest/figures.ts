// The figures every digest draws on, read from the committed document: each school's category and
// trend, overdue actions, the half term and term we are in, and the chart data built from them.
import { overlayLabel, placementLabel } from '../../../domain/risk-rules';
import { categoryById, isOverdue, type Category, type CategoryChange, type Framework, type HalfTerm, type IsapAction, type School } from '../../../domain';
import { addDays, localDate, schoolDaysBetween, weekday, zonedInstant, type AcademicCalendar } from '../../../domain/calendar';
import { shortLabel, textBar } from '../../../domain/digest';
import type { Data, Subscription } from '../../../store/schema';
import type { Context } from '../../command';
import { AppError } from '../../errors';

export type DigestKind = Subscription['digest'];

/** The words people type for each digest. */
export const DIGEST_WORDS: Record<string, DigestKind> = { weekly: 'weekly-slt', risk: 'risk-pack', board: 'board-termly' };
export const DIGEST_NAMES: Record<DigestKind, string> = { 'weekly-slt': 'weekly SLT digest', 'risk-pack': 'half-termly risk-meeting pack', 'board-termly': 'termly board digest' };

export interface Figures {
  data: Readonly<Data>;
  fw: Framework;
  cal: AcademicCalendar;
  today: string;
  now: Date;
  timeZone: string;
  /** The half term in progress, or the next one in a holiday. */
  halfTerm: HalfTerm;
  overdue: Map<string, IsapAction[]>;
  /** Each school's recorded placements, newest first: read once, not once per school. */
  history: Map<string, CategoryChange[]>;
  /** Schools by id: a digest names hundreds of them, often inside a sort. */
  schools: Map<string, School>;
}

export function figures(ctx: Pick<Context, 'store' | 'now' | 'timeZone'>): Figures {
  const data = ctx.store.read();
  if (!data.trust) throw new AppError('NOT_FOUND', 'The trust is not set up yet, so there is nothing to report.', 'Ask your trust office to import the trust.');
  const now = ctx.now();
  const today = localDate(now, ctx.timeZone);
  const cal = data.trust.calendar;
  const halfTerm = cal.halfTerms.find((h) => h.start <= today && today <= h.end) ?? cal.halfTerms.find((h) => h.start > today) ?? cal.halfTerms[cal.halfTerms.length - 1]!;
  const overdue = new Map<string, IsapAction[]>();
  for (const a of data.isapActions) {
    if (!isOverdue(a, today)) continue;
    const list = overdue.get(a.schoolId);
    if (list) list.push(a);
    else overdue.set(a.schoolId, [a]);
  }
  const history = new Map<string, CategoryChange[]>();
  for (const c of data.categoryHistory) {
    const list = history.get(c.schoolId);
    if (list) list.push(c);
    else history.set(c.schoolId, [c]);
  }
  for (const list of history.values()) list.sort((a, b) => b.at.localeCompare(a.at));
  const schools = new Map(data.schools.map((s) => [s.id, s]));
  return { data, fw: data.trust.framework, cal, today, now, timeZone: ctx.timeZone, halfTerm, overdue, history, schools };
}

const peopleById = new WeakMap<Figures, Map<string, string>>();
/** A person's name (the map is made once per digest, on first use: 40,000 staff at 1,000 schools). */
export function personName(f: Figures, id: string | undefined): string {
  let names = peopleById.get(f);
  if (!names) peopleById.set(f, (names = new Map(f.data.people.map((p) => [p.id, p.name]))));
  return (id !== undefined && names.get(id)) || 'someone';
}

/** A school's name, or "the trust" for what belongs to no school. */
export const schoolName = (f: Figures, id: string | undefined) => (id !== undefined && f.schools.get(id)?.name) || 'the trust';

/**
 * Whether an instant falls on or after a trust-local day (a move at 00:30 BST belongs to that day, not
 * to the UTC one before): one instant to compare, not a local day worked out per record.
 */
export function onOrAfterDay(f: Figures, day: string): (iso: string) => boolean {
  const from = zonedInstant(day, '00:00', f.timeZone).getTime();
  return (iso) => Date.parse(iso) >= from;
}


export const categoryOf = (f: Figures, s: School): Category | undefined => categoryById(f.fw, s.categoryId);
export const categoryLabel = (f: Figures, s: School) => placementLabel(f.fw, s.categoryId, s.urgentAction);

/** The two half terms of the term the current half term belongs to. */
export function termOf(f: Figures): { name: string; start: string; end: string; last: HalfTerm } {
  const halves = f.cal.halfTerms.filter((h) => h.term === f.halfTerm.term);
  const name = f.halfTerm.term.charAt(0).toUpperCase() + f.halfTerm.term.slice(1);
  return { name: `${name} term`, start: halves[0]!.start, end: halves[halves.length - 1]!.end, last: halves[halves.length - 1]! };
}

/** Monday of the week in which a date falls. */
export const mondayOf = (date: string) => addDays(date, -((weekday(date) + 6) % 7));

/** The school's latest move between categories (a first placement is not a move), else its placement. */
export function latestChange(f: Figures, schoolId: string): CategoryChange | undefined {
  const mine = f.history.get(schoolId) ?? [];
  return mine.find((c) => c.from) ?? mine[0];
}

/** "declining (was AMBER)", "improving (was RED)", "steady" — read from the school's last move. */
export function trendOf(f: Figures, schoolId: string): { word: 'improving' | 'declining' | 'steady' | 'new'; text: string } {
  const c = latestChange(f, schoolId);
  if (!c) return { word: 'steady', text: 'no change recorded' };
  if (!c.from) return { word: 'new', text: 'placed on joining' };
  const from = categoryById(f.fw, c.from), to = categoryById(f.fw, c.to);
  if (!from || !to || from.rank === to.rank) return { word: 'steady', text: 'steady' };
  return from.rank > to.rank ? { word: 'improving', text: `improving (was ${placementLabel(f.fw, from.id)})` } : { word: 'declining', text: `declining (was ${placementLabel(f.fw, from.id)})` };
}

/** "7 schools: 2 GREEN, 2 YELLOW, 2 AMBER, 1 RED" — the categories in one line, for any host. */
export function categorySummary(f: Figures): string {
  const parts = [...f.fw.categories].sort((a, b) => a.rank - b.rank).map((c) => `${f.data.schools.filter((s) => s.categoryId === c.id).length} ${placementLabel(f.fw, c.id)}`);
  const ua = f.data.schools.filter((s) => s.urgentAction).length;
  if (f.fw.overlay && ua) parts.push(`${ua} ${overlayLabel(f.fw)}`);
  return parts.join(', ');
}

export const sentence = (parts: string[]) => parts.filter(Boolean).map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('. ');

/** School days a decision has waited, counting the day it was raised. */
export function schoolDaysWaiting(f: Figures, requestedAt: string): number {
  const day = localDate(new Date(requestedAt), f.timeZone);
  return schoolDaysBetween(f.cal, addDays(day, -1), f.today);
}

/** Teams chart colours for a category's colour, so RED reads red on the donut. */
const CHART_COLOUR: Record<Category['colour'], string> = { good: 'good', accent: 'categoricalMarigold', warning: 'warning', attention: 'attention', default: 'neutral' };

export interface Chart {
  title: string;
  /** Donut slices ({legend, value}) or bars ({x, y}); `label` and `bar` are for the text fallback. */
  points: { legend: string; value: number; x: string; y: number; color: string; label: string; bar: string }[];
}

export function schoolsPerCategory(f: Figures): Chart {
  const counts = [...f.fw.categories].sort((a, b) => a.rank - b.rank).map((c) => ({ c, n: f.data.schools.filter((s) => s.categoryId === c.id).length }));
  const max = Math.max(0, ...counts.map((x) => x.n));
  return {
    title: 'Schools by category',
    points: counts.map(({ c, n }) => ({ legend: c.label, value: n, x: c.label, y: n, color: CHART_COLOUR[c.colour], label: placementLabel(f.fw, c.id), bar: textBar(n, max) })),
  };
}

export function overdueBySchool(f: Figures, top = 10): Chart {
  const rows = [...f.overdue.entries()]
    .map(([id, list]) => ({ name: f.schools.get(id)?.name ?? id, n: list.length }))
    .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name))
    .slice(0, top);
  const max = Math.max(0, ...rows.map((r) => r.n));
  return {
    title: f.overdue.size > top ? `Overdue actions: the ${top} schools with most` : 'Overdue actions by school',
    points: rows.map((r) => ({ legend: shortLabel(r.name), value: r.n, x: shortLabel(r.name), y: r.n, color: 'attention', label: r.name, bar: textBar(r.n, max) })),
  };
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
