// Extension requests: more time for an action, decided by the DoSI, or by the CEO when long.
// The approval card is the shared one; the effect of the decision lives here.
import { z } from 'zod';
import type { Approval, IsapAction, Person } from '../../../domain';
import { schoolDaysBetween } from '../../../domain/calendar';
import { ragLabel } from '../../../domain/isap';
import { extensionDeciders, lastDueDate } from '../../../domain/isap-rules';
import { hasRole, ROLE_LABELS } from '../../../domain/people';
import type { Data } from '../../../store/schema';
import { raiseApproval } from '../../approval-requests';
import { outcome, type Context, type Notification } from '../../command';
import { AppError, badInput } from '../../errors';
import { personById } from '../../people';
import { defineAction } from '../../registry';
import { formatDate } from '../../views/format';
import { changeAction } from './actions';
import { today } from './commands';
import { schoolName } from './scope';
import { findIn } from '../../lookup';
import { actionView } from './views';

/**
 * Raises a request for more time on `a` inside the caller's transaction: checks the date, picks who
 * decides (a DoSI asking goes up to the CEO), and records the pending extension. From today on: an
 * overdue action's new date in the past would restart the escalation ladder and still be overdue.
 */
export function requestExtension(draft: Data, ctx: Context, person: Person, a: IsapAction, newDue: string, reason: string): { notifications: Notification[]; deciders: string } {
  const d = today(ctx);
  if (a.status !== 'open') throw new AppError('ALREADY_DONE', `"${a.title}" is already complete: nothing was changed.`);
  if (a.extensions.some((e) => e.status === 'pending')) {
    throw new AppError('CONFLICT', 'An extension for this action is already waiting for a decision: nothing was changed.', 'You will be told when it is decided.');
  }
  const cal = draft.trust!.calendar;
  if (newDue <= a.due) throw badInput(`The new date must be after the current due date (${formatDate(a.due)}).`);
  if (newDue < d) throw badInput(`The new date must be today (${formatDate(d)}) or later.`);
  if (newDue > lastDueDate(cal)) throw badInput(`The new date must be within this academic year (by ${formatDate(lastDueDate(cal))}).`);
  const schoolDays = schoolDaysBetween(cal, a.due, newDue);
  const usual = extensionDeciders(schoolDays, draft.trust!.settings);
  const roles = usual.some((r) => hasRole(person, r)) ? extensionDeciders(Infinity, draft.trust!.settings) : usual;
  const extensionId = ctx.newId();
  const school = schoolName(draft, a.schoolId);
  const { approval, notifications } = raiseApproval(draft, ctx, {
    kind: 'isap-extension',
    title: `More time for "${a.title}" (${school})`,
    schoolId: a.schoolId,
    facts: [
      { title: 'School', value: school },
      { title: 'Owner', value: personById(draft, a.ownerId)?.name ?? 'Unknown' },
      { title: 'Due', value: formatDate(a.due) },
      { title: 'Asked for', value: `${formatDate(newDue)} (${schoolDays} more school day${schoolDays === 1 ? '' : 's'})` },
      { title: 'Reason', value: reason },
      { title: 'Progress', value: ragLabel(a.rag) },
    ],
    requestedById: person.id,
    deciderRoles: roles,
    payload: { actionId: a.id, extensionId, newDue },
  });
  a.extensions.push({ id: extensionId, requestedById: person.id, requestedAt: ctx.now().toISOString(), newDue, reason, schoolDays, status: 'pending', approvalId: approval.id });
  return { notifications, deciders: roles.map((r) => ROLE_LABELS[r]).join(' or ') };
}

export const extend = defineAction({
  verb: 'isap.extend',
  schema: z.object({
    actionId: z.string().trim().min(1, 'missing'),
    newDue: z.iso.date('use a date like 2026-12-04'),
    reason: z.string().trim().min(1, 'a reason is required').max(1000),
  }),
  async run(ctx, { person }, input) {
    const d = today(ctx);
    let deciders = '';
    const { action, told } = await changeAction(ctx, person, input.actionId, 'isap.extend', (a, draft) => {
      const r = requestExtension(draft, ctx, person, a, input.newDue, input.reason);
      deciders = r.deciders;
      return r.notifications;
    }, () => ({ newDue: input.newDue, reason: input.reason }));
    const view = actionView(ctx.store.read(), action, person, d, ctx.timeZone, `Asked for more time, to ${formatDate(input.newDue)}: the ${deciders} will decide.`);
    return outcome([{ ...view, replace: true }], told);
  },
});

/** Runs inside the deciding transaction: moves the due date on approval and tells the owner either way. */
export function extensionDecided(draft: Data, approval: Approval, ctx: Context): Notification[] {
  const p = z.object({ actionId: z.string(), extensionId: z.string(), newDue: z.iso.date() }).safeParse(approval.payload);
  if (!p.success) return [];
  const a = findIn(draft.isapActions, (x) => x.id === p.data.actionId);
  const ext = a?.extensions.find((e) => e.id === p.data.extensionId);
  if (!a || !ext || ext.status !== 'pending') return [];
  ext.status = approval.status === 'approved' ? 'approved' : 'rejected';
  const old = a.due;
  if (ext.status === 'approved') {
    a.due = ext.newDue;
    // A new date starts the ladder again: the old overdue days no longer count.
    a.escalationLevel = 0;
    a.remindedFor = undefined;
  }
  const decider = personById(draft, approval.decidedById)?.name ?? 'The decider';
  const text =
    ext.status === 'approved'
      ? `${decider} agreed more time: now due ${formatDate(a.due)} (was ${formatDate(old)}).`
      : `${decider} did not agree more time: still due ${formatDate(a.due)}.${approval.comment ? ` Comment: ${approval.comment}` : ''}`;
  const to = [...new Set([a.ownerId, ext.requestedById])];
  const d = today(ctx);
  return to.flatMap((id) => {
    const p = personById(draft, id);
    return p ? [{ ...actionView(draft, a, p, d, ctx.timeZone, text), to: { person: id } }] : [];
  });
}
