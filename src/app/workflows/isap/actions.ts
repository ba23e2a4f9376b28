// Card actions on one ISAP action: open, add, update, complete, snooze. Each re-checks scope inside
// the transaction (the card may be stale), audits, and answers with the refreshed card.
import { z } from 'zod';
import { RAGS, type AuditEntry, type IsapAction, type Person } from '../../../domain';
import { lastDueDate } from '../../../domain/isap-rules';
import { hasRole } from '../../../domain/people';
import type { Data } from '../../../store/schema';
import { outcome, type Context, type Notification } from '../../command';
import { badInput, notAllowed, notFound, AppError } from '../../errors';
import { personById } from '../../people';
import { defineAction } from '../../registry';
import { formatDate } from '../../views/format';
import { today } from './commands';
import { actionFor, isExec, mayChange, maySeeSchool, schoolName } from './scope';
import { actionView } from './views';
import { requestExtension } from './extension';
import { approvalSubject } from '../../approval-requests';
import { approvalView } from '../../views/approval-view';
import { findIn } from '../../lookup';
import { messageCard } from '../../views/message-card';

const Id = z.string().trim().min(1, 'missing');
const IsoDay = z.iso.date('use a date like 2026-12-04');
/** Two identical submissions this close together are one double click. */
const REPEAT_WINDOW_MS = 10 * 60_000;
const text = (max: number, what: string) => z.string().trim().min(1, `${what} is required`).max(max);

/** Runs a change to one action inside a transaction, re-checking scope on the committed draft. */
export async function changeAction(
  ctx: Context,
  person: Person,
  actionId: string,
  verb: string,
  fn: (a: IsapAction, draft: Data) => Notification[] | void,
  /** What the audit entry records of the changed action (undefined: nothing to audit). */
  detail: (a: IsapAction) => Record<string, unknown> | undefined,
): Promise<{ action: IsapAction; told: Notification[] }> {
  await actionFor(ctx, ctx.store.read(), person, actionId, verb);
  return ctx.store.transact(
    (draft) => {
      const a = findIn(draft.isapActions, (x) => x.id === actionId);
      if (!a || !mayChange(person, a)) throw notFound('That ISAP action');
      const told = fn(a, draft) ?? [];
      return { action: structuredClone(a), told };
    },
    { audit: ({ action }) => auditOf(ctx, person, verb, action, detail(action)) },
  );
}

function mustBeOpen(a: IsapAction) {
  if (a.status !== 'open') throw new AppError('ALREADY_DONE', `"${a.title}" is already complete: nothing was changed.`, 'Type isap to see your open actions.');
}

/** The audit entry of a change to an action, committed with it. */
function auditOf(ctx: Context, person: Person, action: string, a: IsapAction, detail: Record<string, unknown> | undefined): AuditEntry | undefined {
  return detail && { at: ctx.now().toISOString(), actorId: person.id, action, subject: a.id, outcome: 'ok', detail: { schoolId: a.schoolId, ...detail } };
}

/** Tells the owner when someone else changed their action. */
function tellOwner(data: Readonly<Data>, a: IsapAction, by: Person, what: string): Notification[] {
  if (a.ownerId === by.id) return [];
  return [{ ...messageCard(`${what}: ${a.title}`, `${by.name} · ${schoolName(data, a.schoolId)}`), to: { person: a.ownerId } }];
}

export const open = defineAction({
  verb: 'isap.open',
  schema: z.object({ actionId: Id }),
  async run(ctx, { data, person }, input) {
    const a = data.isapActions.find((x) => x.id === input.actionId);
    if (a && !maySeeSchool(person, a.schoolId)) {
      // Another school's action reads as not found (its existence is not ours to confirm), but the attempt is audited.
      await ctx.store.append('audit', { at: ctx.now().toISOString(), actorId: person.id, action: 'isap.open', subject: a.id, outcome: 'refused', detail: { schoolId: a.schoolId } });
    }
    if (!a || !maySeeSchool(person, a.schoolId)) throw notFound('That ISAP action', 'Type isap to see your actions.');
    return outcome([actionView(data, a, person, today(ctx), ctx.timeZone)]);
  },
});

export const addAction = defineAction({
  verb: 'isap.add',
  schema: z.object({ schoolId: Id, title: text(500, 'the action'), strand: text(100, 'the strand'), ownerId: Id, due: IsoDay, rag: z.enum(RAGS).default('amber') }),
  async run(ctx, { person }, input) {
    const d = today(ctx);
    const { action: a, fresh } = await ctx.store.transact((draft) => {
      const school = draft.schools.find((s) => s.id === input.schoolId);
      if (!school) throw notFound('That school');
      if (!isExec(person) && !hasRole(person, 'headteacher', school.id)) throw notAllowed('You can add actions only to your own school\'s plan. Nothing was added.');
      const owner = personById(draft, input.ownerId);
      const belongs = owner && (owner.roles.some((g) => g.schoolId === school.id) || owner.id === school.dosiId);
      if (!belongs) throw badInput('The owner must be someone at the school (or its Director of School Improvement).', 'Pick the owner from the list.');
      if (input.due < d || input.due > lastDueDate(draft.trust!.calendar)) throw badInput(`The due date must be between today and the end of the academic year (${formatDate(lastDueDate(draft.trust!.calendar))}).`);
      // A double click sends the form twice (two invokes, two ids): the second finds the first and adds nothing.
      const same = findIn(
        draft.isapActions,
        (x) => x.schoolId === school.id && x.status === 'open' && x.ownerId === input.ownerId && x.due === input.due && x.title.toLowerCase() === input.title.toLowerCase(),
      );
      if (same) return { action: structuredClone(same), fresh: false };
      const action: IsapAction = {
        id: ctx.newId(), schoolId: school.id, title: input.title, strand: input.strand, ownerId: owner!.id, due: input.due, status: 'open', rag: input.rag,
        extensions: [], escalationLevel: 0, source: `added by ${person.id}`, createdAt: ctx.now().toISOString(),
      };
      draft.isapActions.push(action);
      return { action, fresh: true };
    }, { audit: ({ action: a, fresh }) => auditOf(ctx, person, 'isap.add', a, fresh ? { title: a.title, ownerId: a.ownerId, due: a.due } : undefined) });
    const data = ctx.store.read();
    if (!fresh) return outcome([{ ...actionView(data, a, person, d, ctx.timeZone, 'This action is already on the plan: nothing was added.'), replace: true }]);
    const view = actionView(data, a, person, d, ctx.timeZone, 'Added to the plan.');
    const told: Notification[] = a.ownerId === person.id ? [] : [{ ...actionView(data, a, personById(data, a.ownerId)!, d, ctx.timeZone, `${person.name} gave you a new ISAP action.`), to: { person: a.ownerId } }];
    return outcome([{ ...view, replace: true }], told);
  },
});

/** A form sends an input left empty as '' (Teams, the playground): that is "not given". */
const blankIsUnset = (v: unknown) => (v === '' ? undefined : v);

export const update = defineAction({
  verb: 'isap.update',
  schema: z.object({
    actionId: Id,
    rag: z.preprocess(blankIsUnset, z.enum(RAGS).optional()),
    due: z.preprocess(blankIsUnset, IsoDay.optional()),
    note: z.string().trim().max(1000).optional(),
  }),
  async run(ctx, { person }, input) {
    const d = today(ctx);
    let repeat = false;
    let asked = '';
    const { action, told } = await changeAction(ctx, person, input.actionId, 'isap.update', (a, draft) => {
      mustBeOpen(a);
      // Earlier (from today on) moves the date; later is more time, which someone must agree.
      const later = input.due !== undefined && input.due > a.due;
      if (input.due && input.due !== a.due && input.due < d) throw badInput('The due date cannot be in the past.', `Pick today (${formatDate(d)}) or later.`);
      if (later && !input.note) throw badInput('A later date needs a reason: say why in the progress note. Nothing was changed.', 'It goes for approval with your note as the reason.');
      const moves = Boolean(input.due && input.due !== a.due && !later);
      const changes = (input.rag && input.rag !== a.rag) || moves || later;
      // A double click sends the same note twice (two invokes, two ids): the second, minutes apart at most,
      // has nothing new. The same words a week later ("no change this week") are a new note.
      const last = a.notes?.at(-1);
      const recent = last && ctx.now().getTime() - new Date(last.at).getTime() < REPEAT_WINDOW_MS;
      const waiting = later && a.extensions.some((e) => e.status === 'pending' && e.newDue === input.due);
      repeat = Boolean(input.note && recent && last.byId === person.id && last.text === input.note && (!changes || waiting) && !(input.rag && input.rag !== a.rag));
      if (repeat) return [];
      if (!input.note && !changes) throw badInput('Nothing to save: change the progress or the date, or add a note.');
      const extension = later ? requestExtension(draft, ctx, person, a, input.due!, input.note!) : undefined;
      if (extension) asked = ` More time, to ${formatDate(input.due!)}, asked for: the ${extension.deciders} will decide.`;
      if (input.rag) a.rag = input.rag;
      if (moves) a.due = input.due!;
      if (input.note) a.notes = [...(a.notes ?? []), { at: ctx.now().toISOString(), byId: person.id, text: input.note }];
      return [...tellOwner(draft, a, person, 'Updated'), ...(extension?.notifications ?? [])];
    }, (a) => (repeat ? undefined : { rag: a.rag, due: a.due, ...(input.note ? { note: input.note } : {}), ...(asked ? { askedFor: input.due } : {}) }));
    return outcome([{ ...actionView(ctx.store.read(), action, person, d, ctx.timeZone, `Saved.${asked}`), replace: true }], told);
  },
});

export const complete = defineAction({
  verb: 'isap.complete',
  schema: z.object({ actionId: Id, evidence: text(2000, 'evidence of impact') }),
  async run(ctx, { person }, input) {
    const d = today(ctx);
    const { action, told } = await changeAction(ctx, person, input.actionId, 'isap.complete', (a, draft) => {
      mustBeOpen(a);
      a.status = 'complete';
      a.evidence = input.evidence;
      a.completedAt = ctx.now().toISOString();
      // More time is no longer needed: a request still waiting is withdrawn, and its card says so everywhere.
      const withdrawn: Notification[] = [];
      for (const ext of a.extensions.filter((e) => e.status === 'pending')) {
        ext.status = 'withdrawn';
        const approval = draft.approvals.find((x) => x.id === ext.approvalId && x.status === 'pending');
        if (!approval) continue;
        Object.assign(approval, { status: 'withdrawn', decidedById: person.id, decidedAt: ctx.now().toISOString(), comment: 'The action was completed first.' });
        withdrawn.push({ ...approvalView(draft, approval, ctx), to: { person: approval.requestedById }, subject: approvalSubject(approval.id), update: true });
      }
      const ht = draft.schools.find((s) => s.id === a.schoolId)?.headteacherId;
      const tellHead: Notification[] = ht && ht !== person.id && ht !== a.ownerId
        ? [{ ...messageCard(`Completed: ${a.title}`, `${person.name}. Evidence of impact: ${input.evidence}`), to: { person: ht } }]
        : [];
      return [...tellOwner(draft, a, person, 'Completed'), ...tellHead, ...withdrawn];
    }, (a) => ({ evidence: a.evidence }));
    return outcome([{ ...actionView(ctx.store.read(), action, person, d, ctx.timeZone, 'Marked complete. Thank you.'), replace: true }], told);
  },
});

export const snooze = defineAction({
  verb: 'isap.snooze',
  schema: z.object({ actionId: Id, until: IsoDay, snoozeReason: text(500, 'a reason') }),
  async run(ctx, { person }, input) {
    const d = today(ctx);
    const { action } = await changeAction(ctx, person, input.actionId, 'isap.snooze', (a, draft) => {
      mustBeOpen(a);
      if (input.until <= d || input.until > lastDueDate(draft.trust!.calendar)) throw badInput('Snooze until a date after today and within this academic year.');
      a.snoozedUntil = input.until;
      a.snoozeReason = input.snoozeReason;
    }, () => ({ until: input.until, reason: input.snoozeReason }));
    const data = ctx.store.read();
    // A snooze silences the escalation ladder, so the next rung up hears of it, with the reason.
    const school = data.schools.find((s) => s.id === action.schoolId);
    const above = person.id === school?.headteacherId ? school?.dosiId : school?.headteacherId;
    const told: Notification[] =
      above && above !== person.id && !isExec(person)
        ? [{ ...messageCard(`Snoozed until ${formatDate(input.until)}: ${action.title}`, `${person.name} · ${schoolName(data, action.schoolId)}. Reason: ${input.snoozeReason}`), to: { person: above } }]
        : [];
    return outcome([{ ...actionView(data, action, person, d, ctx.timeZone, `Snoozed: no reminders until ${formatDate(input.until)}.`), replace: true }], told);
  },
});
