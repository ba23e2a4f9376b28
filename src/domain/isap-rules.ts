// ISAP rules that need the trust's calendar: what is due soon, how far overdue, which rung of the
// escalation ladder is due, and who decides an extension. Pure: dates in, answers out.
import type { Role } from './people';
import { schoolDaysBetween, type AcademicCalendar } from './calendar';
import { isOverdue, type IsapAction } from './isap';
import type { TrustSettings } from './trust';

/** The ladder's rungs in order; rung n (1-based) is told at settings.escalationDays[n-1] school days overdue. */
export const LADDER = ['owner', 'headteacher', 'dosi', 'ceo'] as const;
export type Rung = (typeof LADDER)[number];

export const RUNG_LABEL: Record<Rung, string> = {
  owner: 'the owner',
  headteacher: 'the headteacher',
  dosi: 'the Director of School Improvement',
  ceo: 'the CEO',
};

export function isSnoozed(a: IsapAction, today: string): boolean {
  return Boolean(a.snoozedUntil && a.snoozedUntil >= today);
}

/** School days since the due date (0 when not yet due). */
export function schoolDaysOverdue(cal: AcademicCalendar, a: IsapAction, today: string): number {
  return a.due < today ? schoolDaysBetween(cal, a.due, today) : 0;
}

/** Open, not overdue, and due within `days` school days (today counts as 0). */
export function isDueSoon(cal: AcademicCalendar, a: IsapAction, today: string, days: number): boolean {
  return a.status === 'open' && a.due >= today && schoolDaysBetween(cal, today, a.due) <= days;
}

/** Whether the owner should get the "due soon" reminder today (once per due date, not while snoozed). */
export function reminderDue(cal: AcademicCalendar, a: IsapAction, today: string, settings: TrustSettings): boolean {
  return isDueSoon(cal, a, today, settings.reminderDaysBefore) && a.remindedFor !== a.due && !isSnoozed(a, today);
}

/**
 * The rungs to tell today: every rung above the stored level whose threshold has been reached.
 * Snoozed actions climb nothing until the snooze ends.
 */
export function rungsDue(cal: AcademicCalendar, a: IsapAction, today: string, settings: TrustSettings): { level: number; rung: Rung }[] {
  if (!isOverdue(a, today)) return [];
  const days = schoolDaysOverdue(cal, a, today);
  const out: { level: number; rung: Rung }[] = [];
  for (let level = a.escalationLevel + 1; level <= LADDER.length; level++) {
    if (days >= settings.escalationDays[level - 1]! && days > 0) out.push({ level, rung: LADDER[level - 1]! });
  }
  return out;
}

/** The DoSI decides ordinary extensions; longer ones go to the CEO or the Deputy CEO. */
export function extensionDeciders(schoolDays: number, settings: TrustSettings): Role[] {
  return schoolDays > settings.extensionCeoAfterDays ? ['ceo', 'deputy-ceo'] : ['dosi'];
}

/** Overdue first (most overdue first), then by due date, then by title. */
const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

export function byUrgency(today: string) {
  return (a: IsapAction, b: IsapAction): number => {
    const ao = isOverdue(a, today) ? 0 : 1;
    const bo = isOverdue(b, today) ? 0 : 1;
    // Plain string order: ISO dates sort as dates, and the title only breaks ties. (localeCompare over
    // the 7,500 overdue actions of a 1,000-school trust took most of the view's time.)
    return ao - bo || cmp(a.due, b.due) || cmp(a.title, b.title);
  };
}

/** The latest date a due date may be set to: the end of the trust's academic year. */
export function lastDueDate(cal: AcademicCalendar): string {
  return cal.halfTerms[cal.halfTerms.length - 1]!.end;
}
