// The UK academic year: six half terms, INSET days and England and Wales bank holidays.
// Dates are calendar dates (YYYY-MM-DD) in the trust's time zone; instants never enter here.
import { z } from 'zod';

const IsoDate = z.iso.date();

/** The shape of gov.uk's bank-holidays.json, so a downloaded file can be imported as it is. */
export const BankHolidaysSchema = z.record(
  z.string(),
  z.object({
    division: z.string().optional(),
    events: z.array(z.object({ title: z.string(), date: IsoDate, notes: z.string().default(''), bunting: z.boolean().default(false) })),
  }),
);
export type BankHolidays = z.infer<typeof BankHolidaysSchema>;

export const HalfTermSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  term: z.enum(['autumn', 'spring', 'summer']),
  start: IsoDate,
  end: IsoDate,
});
export type HalfTerm = z.infer<typeof HalfTermSchema>;

export const AcademicCalendarSchema = z
  .object({
    year: z.string().regex(/^\d{4}-\d{2}$/),
    halfTerms: z.array(HalfTermSchema).length(6),
    insetDays: z.array(IsoDate).default([]),
    bankHolidays: BankHolidaysSchema,
  })
  .refine((c) => c.halfTerms.every((h, i) => h.start <= h.end && (i === 0 || c.halfTerms[i - 1]!.end < h.start)), {
    message: 'half terms must be in order and not overlap',
  });
export type AcademicCalendar = z.infer<typeof AcademicCalendarSchema>;

const DIVISION = 'england-and-wales';

export function bankHolidayDates(cal: AcademicCalendar): Set<string> {
  return new Set((cal.bankHolidays[DIVISION]?.events ?? []).map((e) => e.date));
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function weekday(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/** The half term whose dates contain the day, if the day falls in term time. */
export function halfTermOn(cal: AcademicCalendar, date: string): HalfTerm | undefined {
  return cal.halfTerms.find((h) => h.start <= date && date <= h.end);
}

/** The half term in progress, or the next one during a holiday; the last one after the year ends. */
export function currentOrNextHalfTerm(cal: AcademicCalendar, date: string): HalfTerm {
  return halfTermOn(cal, date) ?? cal.halfTerms.find((h) => h.start > date) ?? cal.halfTerms[cal.halfTerms.length - 1]!;
}

export function previousHalfTerms(cal: AcademicCalendar, halfTermId: string, count: number): HalfTerm[] {
  const i = cal.halfTerms.findIndex((h) => h.id === halfTermId);
  return i <= 0 ? [] : cal.halfTerms.slice(Math.max(0, i - count), i);
}

export function isSchoolDay(cal: AcademicCalendar, date: string): boolean {
  const wd = weekday(date);
  if (wd === 0 || wd === 6) return false;
  if (!halfTermOn(cal, date)) return false;
  if (cal.insetDays.includes(date)) return false;
  return !bankHolidayDates(cal).has(date);
}

/** Pupils are not in but staff work: INSET days count as working days for staff deadlines. */
export function isWorkingDay(cal: AcademicCalendar, date: string): boolean {
  const wd = weekday(date);
  return wd !== 0 && wd !== 6 && !bankHolidayDates(cal).has(date) && Boolean(halfTermOn(cal, date));
}

/** The first school day strictly after the date (within this calendar, else undefined). */
export function nextSchoolDay(cal: AcademicCalendar, date: string): string | undefined {
  const last = cal.halfTerms[cal.halfTerms.length - 1]!.end;
  for (let d = addDays(date, 1); d <= last; d = addDays(d, 1)) if (isSchoolDay(cal, d)) return d;
  return undefined;
}

/** School days after `from` up to and including `to`; 0 when `to` is not after `from`. */
export function schoolDaysBetween(cal: AcademicCalendar, from: string, to: string): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isSchoolDay(cal, d)) n++;
  return n;
}

export function addSchoolDays(cal: AcademicCalendar, from: string, days: number): string {
  let d = from;
  for (let i = 0; i < days; i++) {
    const next = nextSchoolDay(cal, d);
    if (!next) return addDays(d, 1);
    d = next;
  }
  return d;
}

/** The calendar date of an instant in a time zone (Europe/London across BST changes). */
/**
 * One Intl.DateTimeFormat per zone and shape, made once: building one costs far more than using it,
 * and a digest of 1,000 schools reads thousands of dates.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
export function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

export function localDate(instant: Date, timeZone: string): string {
  const parts = formatter('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The instant at which a wall-clock time on a date occurs in a time zone. */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const guess = new Date(`${date}T${time}:00Z`);
  // The zone's offset at the guess; one correction settles every zone outside the hour a clock change skips.
  const offset = zoneOffsetMinutes(guess, timeZone);
  const first = new Date(guess.getTime() - offset * 60_000);
  const offset2 = zoneOffsetMinutes(first, timeZone);
  return offset2 === offset ? first : new Date(guess.getTime() - offset2 * 60_000);
}

function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = formatter('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const n = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The academic year (starting September) that a date belongs to, e.g. 2026 for 2027-03-01. */
export function academicYearOf(date: string): number {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m >= 8 ? y : y - 1;
}
