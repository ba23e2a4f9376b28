// When each digest goes out. Weekly: the first working day of each week in term. Risk pack: once in the last week of
// each half term. Board: once at the end of each term. The three jobs are checked every weekday, so
// "once" is kept in the audit log (digest.sent), committed with the digest journalled for the outbox:
// a restart or a catch-up never sends one twice, and a crash never leaves one marked sent but unsent.
import { addDays, halfTermOn, isWorkingDay, type AcademicCalendar, type HalfTerm } from '../../../domain/calendar';
import type { Context, Notification, Outcome, View } from '../../command';
import { outcome } from '../../command';
import { journal } from '../../journal';
import { boardDigest } from './board';
import { figures, mondayOf, type DigestKind } from './figures';
import { riskPack } from './risk-pack';
import { weeklyDigest } from './weekly';

export const BUILD: Record<DigestKind, (ctx: Context) => View> = { 'weekly-slt': weeklyDigest, 'risk-pack': riskPack, 'board-termly': boardDigest };

export const SYSTEM_ACTOR = 'scheduler';

/** The notification that reaches every conversation subscribed to the digest. */
export function toSubscribers(kind: DigestKind, view: View): Notification {
  return { ...view, to: { digest: kind } };
}

async function send(ctx: Context, kind: DigestKind, subject: string, once: boolean): Promise<Outcome> {
  if (once && (await ctx.store.audit({ action: 'digest.sent', subject, limit: 1 })).length) return outcome();
  const data = ctx.store.read();
  const subscribers = data.subscriptions.filter((s) => s.digest === kind).length;
  if (!subscribers) return outcome();
  const view = BUILD[kind](ctx);
  // "Sent" and the digest journalled for the outbox commit together: with the audit entry alone, a
  // crash before the outbox had it would leave a digest marked sent that is never sent.
  const journalled = await ctx.store.transact((d, logs) => {
    logs.append('audit', { at: ctx.now().toISOString(), actorId: SYSTEM_ACTOR, action: 'digest.sent', subject, outcome: 'ok', detail: { digest: kind, subscribers } });
    return journal(d, ctx, [toSubscribers(kind, view)]);
  });
  return outcome([], journalled);
}

/** The last working day of a half term (its end may be an INSET day or fall on a weekend). */
function lastWorkingDay(cal: AcademicCalendar, h: HalfTerm): string {
  for (let d = h.end; d >= h.start; d = addDays(d, -1)) if (isWorkingDay(cal, d)) return d;
  return h.end;
}

/**
 * Checked every weekday; sent once a week, on the week's first working day in term: Monday, or the
 * Tuesday after a bank holiday. SLT meets in term time; a week in the holidays has nothing new to say.
 */
export async function weeklyJob(ctx: Context): Promise<Outcome> {
  const f = figures(ctx);
  if (!halfTermOn(f.cal, f.today) || !isWorkingDay(f.cal, f.today)) return outcome();
  const monday = mondayOf(f.today);
  for (let d = monday; d < f.today; d = addDays(d, 1)) if (isWorkingDay(f.cal, d)) return outcome();
  return send(ctx, 'weekly-slt', `weekly-slt:${monday}`, true);
}

/** "Send the digest now" (the playground's control): whatever the day, to every subscriber. */
export async function weeklyNowJob(ctx: Context): Promise<Outcome> {
  return send(ctx, 'weekly-slt', `weekly-slt-now:${ctx.now().toISOString()}`, false);
}

export async function riskPackJob(ctx: Context): Promise<Outcome> {
  const f = figures(ctx);
  const h = halfTermOn(f.cal, f.today);
  if (!h || f.today < mondayOf(lastWorkingDay(f.cal, h))) return outcome();
  return send(ctx, 'risk-pack', `risk-pack:${h.id}`, true);
}

export async function boardJob(ctx: Context): Promise<Outcome> {
  const f = figures(ctx);
  // The last half term of each term; sent on its last working day, or caught up within a fortnight.
  const ends = f.cal.halfTerms.filter((h, i, all) => all[i + 1]?.term !== h.term);
  const due = ends.find((h) => lastWorkingDay(f.cal, h) <= f.today && f.today <= addDays(h.end, 14));
  if (!due) return outcome();
  return send(ctx, 'board-termly', `board-termly:${due.id}`, true);
}
