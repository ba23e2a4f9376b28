// The daily job's part for the risk round: a school that has not answered is reminded on the 3rd and
// 6th school day after the round opened (days, not a stored flag, so a rerun on the same day or a
// catch-up after downtime cannot nag twice), and on the last reminder the DoSI hears who is missing.
import { localDate, schoolDaysBetween } from '../../../domain/calendar';
import { outcome, type Context, type Notification, type Outcome } from '../../command';
import { questionsView } from './answer';
import { currentRound, roundName, halfTermNow, responderFor, schoolOf } from './shared';

export const REMIND_ON_SCHOOL_DAYS = [3, 6] as const;

export function riskReminders(ctx: Context): Outcome {
  const data = ctx.store.read();
  if (!data.trust) return outcome();
  const round = currentRound(data, ctx);
  if (!round || round.status !== 'open') return outcome();
  const day = schoolDaysBetween(data.trust.calendar, localDate(new Date(round.openedAt), ctx.timeZone), localDate(ctx.now(), ctx.timeZone));
  if (!(REMIND_ON_SCHOOL_DAYS as readonly number[]).includes(day)) return outcome();

  const missing = round.entries.filter((e) => e.status === 'awaiting-answers').map((e) => schoolOf(data, e.schoolId));
  const name = roundName(data, halfTermNow(data, ctx));
  const notifications: Notification[] = missing.flatMap((s) => {
    const to = responderFor(s);
    if (!to) return [];
    const view = questionsView(data, ctx, round, s);
    return [{ ...view, data: { ...view.data, intro: `Reminder: the risk meeting needs ${s.name}'s answers for ${name}.` }, to: { person: to } }];
  });
  if (day === REMIND_ON_SCHOOL_DAYS.at(-1) && missing.length) {
    for (const dosi of new Set(missing.map((s) => s.dosiId ?? round.openedById))) {
      const mine = missing.filter((s) => (s.dosiId ?? round.openedById) === dosi);
      notifications.push({
        card: 'list',
        data: { title: `${mine.length} school${mine.length === 1 ? ' has' : 's have'} not answered for ${name}`, intro: 'Each has been reminded twice. Decide them in the risk meeting from what you know, or chase them.', empty: '', items: mine.map((s) => ({ title: s.name, detail: '' })) },
        to: { person: dosi },
      });
    }
  }
  return outcome([], notifications);
}
