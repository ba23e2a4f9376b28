// When the daily job nudges non-responders and reminds invitees of a forum. Pure.
import { localDate, schoolDaysBetween, type AcademicCalendar } from './calendar';
import type { Forum } from './forums';

/** Non-responders are nudged once, this many school days (or fewer, but not the day before) ahead. */
export const NUDGE_SCHOOL_DAYS = 3;

export type Invite = Forum['invites'][number];

export function forumDay(forum: Forum, timeZone: string): string {
  return localDate(new Date(forum.startsAt), timeZone);
}

export function isUpcoming(forum: Forum, now: Date): boolean {
  return new Date(forum.startsAt) > now;
}

export function nudgeDue(cal: AcademicCalendar, invite: Invite, today: string, day: string): boolean {
  if (invite.rsvp || invite.nudgedAt || day <= today) return false;
  const n = schoolDaysBetween(cal, today, day);
  return n >= 2 && n <= NUDGE_SCHOOL_DAYS;
}

/** The school day before (or the last school day before a forum held on a non-school day). */
export function reminderDue(cal: AcademicCalendar, invite: Invite, today: string, day: string): boolean {
  if (invite.rsvp === 'declined' || invite.remindedAt || day <= today) return false;
  return schoolDaysBetween(cal, today, day) <= 1;
}
