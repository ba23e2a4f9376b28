// What every part of the synthetic trust shares: the clock, the trust's calendar, ids and a random
// source per part. Dates are relative to `now`, like the demo's, so overdue stays overdue.
import { RAG_5, type AcademicCalendar, type Framework, type HalfTerm, type TrustSettings } from '../../domain';
import { academicYearOf, addDays, currentOrNextHalfTerm, isSchoolDay, localDate, zonedInstant } from '../../domain/calendar';
import { typicalCalendar } from '../../domain/calendar-presets';
import { TrustSettingsSchema } from '../../domain/trust';
import { forkRandom, type Random } from './random';

export interface SyntheticOptions {
  /** How many schools; beacon and riverside are always two of them. */
  schools: number;
  seed: number;
  now: Date;
  timeZone: string;
  /** The survey key of the DATA_DIR the trust is written to: responder hashes must match the bot's. */
  surveyKey: Buffer;
  /** Conversations for the playground (local mode), as the demo has. */
  local?: boolean;
}

export interface Gen {
  opts: SyntheticOptions;
  today: string;
  nowIso: string;
  calendar: AcademicCalendar;
  fw: Framework;
  settings: TrustSettings;
  halfTerm: HalfTerm;
  /** The six half terms before this one, oldest first (last year's from last year's calendar). */
  pastHalfTerms: HalfTerm[];
  /** This academic year's school days, in order. */
  schoolDays: string[];
  /** The instant of a wall-clock time on a date, in the trust's zone, as ISO. */
  at(date: string, time?: string): string;
  /** `<prefix>-<n>`: ids that are the same on every run with the same seed. */
  id(prefix: string): string;
  random(part: string): Random;
  /** The school day `n` school days before (negative) or after today, within this year. */
  schoolDay(n: number): string;
  /** The date itself if a school day, else the school day before it (this year), else the date. */
  onSchoolDay(date: string): string;
  /** School days after `from` up to and including `to`, within this year. */
  schoolDaysBetween(from: string, to: string): number;
}

export function makeGen(opts: SyntheticOptions): Gen {
  const today = localDate(opts.now, opts.timeZone);
  const calendar = typicalCalendar(academicYearOf(today));
  const halfTerm = currentOrNextHalfTerm(calendar, today);
  const earlier = [...typicalCalendar(academicYearOf(today) - 1).halfTerms, ...calendar.halfTerms].filter((h) => h.end < halfTerm.start);
  const schoolDays: string[] = [];
  for (let d = calendar.halfTerms[0]!.start; d <= calendar.halfTerms[5]!.end; d = addDays(d, 1)) if (isSchoolDay(calendar, d)) schoolDays.push(d);
  // Index of the first school day on or after a date: binary search over the sorted days.
  const indexOf = (date: string) => {
    let lo = 0;
    let hi = schoolDays.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (schoolDays[mid]! < date) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const todayIndex = indexOf(today);
  // Formatting an instant in a zone builds an Intl formatter: memoised, since thousands of records share a day.
  const instants = new Map<string, string>();
  const counters = new Map<string, number>();
  return {
    opts,
    today,
    nowIso: opts.now.toISOString(),
    calendar,
    fw: RAG_5,
    settings: TrustSettingsSchema.parse({}),
    halfTerm,
    pastHalfTerms: earlier.slice(-6),
    schoolDays,
    at(date, time = '09:00') {
      const key = `${date}T${time}`;
      let v = instants.get(key);
      if (!v) instants.set(key, (v = zonedInstant(date, time, opts.timeZone).toISOString()));
      return v;
    },
    id(prefix) {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${prefix}-${String(n).padStart(5, '0')}`;
    },
    random: (part) => forkRandom(opts.seed, part),
    schoolDay(n) {
      const i = Math.min(Math.max(todayIndex + n, 0), schoolDays.length - 1);
      return schoolDays[i] ?? today;
    },
    onSchoolDay(date) {
      const i = indexOf(date);
      if (schoolDays[i] === date) return date;
      return i > 0 ? schoolDays[i - 1]! : date;
    },
    schoolDaysBetween(from, to) {
      if (to <= from) return 0;
      // School days d with from < d <= to.
      return indexOf(addDays(to, 1)) - indexOf(addDays(from, 1));
    },
  };
}
