// Raising a decision for the CEO (or the Chair): used by every workflow that needs one.
import type { Approval, Role } from '../domain';
import type { Data } from '../store/schema';
import type { Context, Notification } from './command';
import { approvalView } from './views/approval-view';
import { journal } from './journal';

export interface ApprovalInput {
  kind: Approval['kind'];
  title: string;
  schoolId?: string;
  facts?: Approval['facts'];
  recommendation?: string;
  cases?: Approval['cases'];
  requestedById: string;
  deciderRoles: Role[];
  payload?: Record<string, unknown>;
}

/** Adds a pending approval to the draft and returns the cards for everyone who may decide it. */
export function raiseApproval(draft: Data, ctx: Context, input: ApprovalInput): { approval: Approval; notifications: Notification[] } {
  const approval: Approval = {
    id: ctx.newId(),
    facts: [],
    recommendation: '',
    cases: [],
    payload: {},
    ...input,
    requestedAt: ctx.now().toISOString(),
    status: 'pending',
  };
  draft.approvals.push(approval);
  const deciders = draft.people.filter((p) => p.roles.some((r) => input.deciderRoles.includes(r.role)));
  // Each decider's own card: one who raised it (while another may decide) gets no buttons.
  // Journalled with the approval itself: a decision is never waiting without its card on the way.
  const notifications: Notification[] = journal(
    draft,
    ctx,
    deciders.map((p) => ({ ...approvalView(draft, approval, ctx, '', p), to: { person: p.id }, subject: approvalSubject(approval.id) })),
  );
  return { approval, notifications };
}

export const approvalSubject = (id: string) => `approval:${id}`;
