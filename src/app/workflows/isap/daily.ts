// The daily ISAP run (07:30 on school days): reminders before due, then the escalation ladder for
// overdue actions. Each rung is told once; the level is stored in the same transaction as the run.
import { isSchoolDay } from '../../../domain/calendar';
import { reminderDue, rungsDue, RUNG_LABEL, type Rung } from '../../../domain/isap-rules';
import type { IsapAction } from '../../../domain';
import type { Data } from '../../../store/schema';
import { outcome, type Context, type Notification, type Outcome } from '../../command';
import { personById } from '../../people';
import { today } from './commands';
import { schoolName } from './scope';
import { actionView } from './views';
import { journal } from '../../journal';

function rungPeople(draft: Data, a: IsapAction, rung: Rung): string[] {
  const school = draft.schools.find((s) => s.id === a.schoolId);
  const withRole = (role: string) => draft.people.filter((p) => p.roles.some((g) => g.role === role)).map((p) => p.id);
  switch (rung) {
    case 'owner':
      return [a.ownerId];
    case 'headteacher':
      return school?.headteacherId ? [school.headteacherId] : draft.people.filter((p) => p.roles.some((g) => g.role === 'headteacher' && g.schoolId === a.schoolId)).map((p) => p.id);
    case 'dosi':
      return school?.dosiId ? [school.dosiId] : withRole('dosi');
    case 'ceo':
      return withRole('ceo');
  }
}

export async function isapDaily(ctx: Context): Promise<Outcome> {
  const d = today(ctx);
  const trust = ctx.store.read().trust;
  if (!trust || !isSchoolDay(trust.calendar, d)) return outcome();
  const { out: notifications } = await ctx.store.transact((draft, logs) => {
    const out: Notification[] = [];
    const escalated: { id: string; level: number }[] = [];
    const { calendar: cal, settings } = draft.trust!;
    for (const a of draft.isapActions) {
      if (a.status !== 'open') continue;
      if (reminderDue(cal, a, d, settings)) {
        a.remindedFor = a.due;
        const owner = personById(draft, a.ownerId);
        if (owner) out.push({ ...actionView(draft, a, owner, d, ctx.timeZone, 'Reminder: this action is due soon.'), to: { person: owner.id } });
      }
      const rungs = rungsDue(cal, a, d, settings);
      if (!rungs.length) continue;
      a.escalationLevel = rungs[rungs.length - 1]!.level;
      escalated.push({ id: a.id, level: a.escalationLevel });
      const owner = personById(draft, a.ownerId)?.name ?? 'its owner';
      const told = new Set<string>();
      // Lowest rung first: someone on two rungs at once (a headteacher who owns it) gets one card, as owner.
      for (const { rung } of rungs) {
        for (const id of rungPeople(draft, a, rung)) {
          const person = personById(draft, id);
          if (!person || told.has(id)) continue;
          told.add(id);
          const notice =
            rung === 'owner'
              ? 'Overdue: please update it, complete it or ask for more time.'
              : `Escalated to ${RUNG_LABEL[rung]}: ${owner}'s action at ${schoolName(draft, a.schoolId)} is overdue.`;
          out.push({ ...actionView(draft, a, person, d, ctx.timeZone, notice), to: { person: id } });
        }
      }
    }
    // In the same transaction as the levels they report: a crash cannot record a rung as told but lose the message.
    for (const e of escalated) logs.append('audit', { at: ctx.now().toISOString(), actorId: 'scheduler', action: 'isap.escalate', subject: e.id, outcome: 'ok', detail: { level: e.level } });
    return { out: journal(draft, ctx, out), escalated };
  });
  return outcome([], notifications);
}
