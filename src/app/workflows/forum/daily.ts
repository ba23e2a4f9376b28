// The daily forum run (school days): nudge non-responders once a few school days ahead, and remind
// everyone still coming (or silent) on the school day before.
import { isSchoolDay, localDate } from '../../../domain/calendar';
import { forumDay, isUpcoming, nudgeDue, reminderDue } from '../../../domain/forums-rules';
import { outcome, type Context, type Notification, type Outcome } from '../../command';
import { inviteView } from './views';
import { journal } from '../../journal';

export async function forumDaily(ctx: Context): Promise<Outcome> {
  const d = localDate(ctx.now(), ctx.timeZone);
  const trust = ctx.store.read().trust;
  if (!trust || !isSchoolDay(trust.calendar, d)) return outcome();
  const at = ctx.now().toISOString();
  const notifications = await ctx.store.transact((draft) => {
    const out: Notification[] = [];
    for (const f of draft.forums) {
      if (!isUpcoming(f, ctx.now())) continue;
      const day = forumDay(f, ctx.timeZone);
      for (const inv of f.invites) {
        const person = draft.people.find((p) => p.id === inv.personId);
        if (!person) continue;
        if (reminderDue(draft.trust!.calendar, inv, d, day)) {
          inv.remindedAt = at;
          inv.nudgedAt ??= at; // the reminder stands in for a nudge not yet sent
          out.push({ ...inviteView(f, person, ctx.timeZone, inv.rsvp ? 'Reminder: this forum is on the next school day.' : 'Reminder: this forum is on the next school day, and you have not answered yet.'), to: { person: person.id } });
        } else if (nudgeDue(draft.trust!.calendar, inv, d, day)) {
          inv.nudgedAt = at;
          out.push({ ...inviteView(f, person, ctx.timeZone, 'You have not answered this invitation yet: please accept or decline.'), to: { person: person.id } });
        }
      }
    }
    return journal(draft, ctx, out);
  });
  return outcome([], notifications);
}
