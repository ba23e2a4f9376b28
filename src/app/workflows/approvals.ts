// Decisions only the CEO (or the Chair, for disputes) may take: one card each, Approve or Reject.
// Deciding is idempotent: the decision and its effect land in one transaction, once.
import { z } from 'zod';
import type { Approval, AuditEntry } from '../../domain';
import { ROLE_LABELS, rolesOf } from '../../domain/people';
import { approvalSubject } from '../approval-requests';
import { outcome, reply, type Notification } from '../command';
import { AppError, audited, notFound } from '../errors';
import { defineAction, type Workflow } from '../registry';
import { approvalView, mayDecideApproval } from '../views/approval-view';
import { formatWhen } from '../views/format';
import { journal } from '../journal';
import { OUTCOME_WORD } from '../../domain/approvals';
import { messageCard } from '../views/message-card';

/** Cards listed at once: enough for a morning, few enough to read. */
const SHOWN = 10;

const View = z.object({ approvalId: z.string().min(1) });

const Decide = z.object({
  approvalId: z.string().min(1),
  decision: z.enum(['approve', 'reject']),
  comment: z.string().trim().max(1000).optional(),
});

export const approvals: Workflow = {
  name: 'approvals',
  summary: 'Decisions waiting for the CEO or the Chair',
  commands: [
    {
      key: 'approvals.list',
      words: ['approvals'],
      usage: 'approvals',
      summary: 'The decisions waiting for you, one card each',
      run(ctx, { person, data }) {
        const roles = rolesOf(person);
        const pending = data.approvals
          .filter((a) => a.status === 'pending' && (a.deciderRoles.some((r) => roles.includes(r)) || roles.includes('dosi')))
          .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
        const header = {
          card: 'list',
          data: {
            title: pending.length ? `${pending.length} decision${pending.length === 1 ? '' : 's'} waiting` : 'No decisions waiting',
            intro: pending.length > SHOWN ? `The oldest ${SHOWN} are below; decide them and type approvals again for the other ${pending.length - SHOWN}.` : '',
            // The decisions follow as cards of their own: the header says "nothing" only when there is nothing.
            empty: pending.length ? '' : 'Nothing needs a decision from you today.',
            items: [],
          },
        };
        return outcome([header, ...pending.slice(0, SHOWN).map((a) => approvalView(data, a, ctx, '', person))]);
      },
    },
  ],
  actions: [
    // A posted approval card asks for its current state (Teams' card refresh), so a decided one shows as decided.
    defineAction({
      verb: 'approval.view',
      schema: View,
      run(ctx, { person, data }, input) {
        const a = data.approvals.find((x) => x.id === input.approvalId);
        if (!a) throw notFound('That decision', 'It may have been withdrawn. Type approvals to see what is waiting.');
        const roles = rolesOf(person);
        if (a.requestedById !== person.id && !roles.includes('dosi') && !a.deciderRoles.some((r) => roles.includes(r))) {
          throw new AppError('NOT_ALLOWED', 'This decision is not one you raised or may take.', 'Type approvals to see the decisions waiting for you.');
        }
        const view = approvalView(data, a, ctx, '', person);
        return reply(view.card, view.data, true);
      },
    }),
    defineAction({
      verb: 'approval.decide',
      schema: Decide,
      async run(ctx, { person }, input) {
        const at = ctx.now().toISOString();
        const result = await ctx.store.transact((draft) => {
          const a = draft.approvals.find((x) => x.id === input.approvalId);
          if (!a) throw notFound('That decision', 'It may have been withdrawn. Type approvals to see what is waiting.');
          if (!a.deciderRoles.some((r) => rolesOf(person).includes(r))) {
            return { kind: 'refused' as const, approval: structuredClone(a) };
          }
          if (a.status !== 'pending') return { kind: 'already' as const, approval: structuredClone(a) };
          // Nobody decides their own request while someone else may; a trust with one decider still can.
          if (!mayDecideApproval(draft, a, person)) return { kind: 'own' as const, approval: structuredClone(a) };
          if (input.decision === 'reject' && !input.comment) {
            throw new AppError('BAD_INPUT', 'Say why in the comment box before rejecting.', 'The person who raised it will see your comment.');
          }
          a.status = input.decision === 'approve' ? 'approved' : 'rejected';
          a.decidedById = person.id;
          a.decidedAt = at;
          a.comment = input.comment || undefined;
          const effect = ctx.decisionEffects[a.kind];
          const told: Notification[] = effect ? journal(draft, ctx, effect(draft, a, ctx)) : [];
          return { kind: 'decided' as const, approval: structuredClone(a), told, data: draft };
        }, { audit: (r) => (r.kind === 'decided' ? decidedEntry(r.approval, person.id, at) : undefined) });

        const data = ctx.store.read();
        const a = result.approval;
        if (result.kind === 'refused') {
          await ctx.store.append('audit', { at, actorId: person.id, action: 'approval.decide', subject: a.id, outcome: 'refused', detail: { decision: input.decision } });
          throw audited(new AppError('NOT_ALLOWED', `Only the ${a.deciderRoles.map((r) => ROLE_LABELS[r]).join(' or ')} may decide "${a.title}".`, 'The card has been left as it was.'));
        }
        if (result.kind === 'own') {
          await ctx.store.append('audit', { at, actorId: person.id, action: 'approval.decide', subject: a.id, outcome: 'refused', detail: { decision: input.decision, reason: 'own request' } });
          throw audited(new AppError('NOT_ALLOWED', `You raised "${a.title}", so someone else decides it.`, `The ${a.deciderRoles.map((r) => ROLE_LABELS[r]).join(' or ')} has the card. Nothing was changed.`));
        }
        if (result.kind === 'already') {
          const who = data.people.find((p) => p.id === a.decidedById)?.name ?? 'someone';
          const notice = `${a.status === 'withdrawn' ? 'Withdrawn' : 'Already decided'} by ${who} at ${formatWhen(a.decidedAt!, ctx.timeZone)}: nothing was changed.`;
          return reply(approvalView(data, a, ctx, notice).card, approvalView(data, a, ctx, notice).data, true);
        }
        const view = approvalView(data, a, ctx);
        const everyCopy: Notification = { ...view, to: { person: a.requestedById }, subject: approvalSubject(a.id), update: true };
        const requester: Notification = {
          ...messageCard(`${OUTCOME_WORD[a.status]}: ${a.title}`, `${person.name} decided at ${formatWhen(at, ctx.timeZone)}.${a.comment ? ` Comment: ${a.comment}` : ''}`),
          to: { person: a.requestedById },
        };
        // The workflow's own card to the requester (the action with its new date) says it better: one card, not two.
        const toldAlready = result.told.some((n) => 'person' in n.to && n.to.person === a.requestedById);
        return outcome([{ ...view, replace: true }], [everyCopy, ...(a.requestedById !== person.id && !toldAlready ? [requester] : []), ...result.told]);
      },
    }),
  ],
};

/** The audit entry of a decision, committed with it. */
function decidedEntry(a: Approval, actorId: string, at: string): AuditEntry {
  return { at, actorId, action: 'approval.decide', subject: a.id, outcome: 'ok', detail: { decision: a.status, kind: a.kind, ...(a.comment ? { comment: a.comment } : {}) } };
}
