// The approval card's data: facts, recommendation, both cases for a dispute, and either the
// buttons (pending) or who decided and when.
import type { Approval, Person } from '../../domain';
import { ROLE_LABELS } from '../../domain/people';
import type { Data } from '../../store/schema';
import type { Context, View } from '../command';
import { formatWhen } from './format';
import { OUTCOME_WORD } from '../../domain/approvals';

export const KIND_LABEL: Record<Approval['kind'], string> = {
  'category-move': 'Category move',
  rrcp: 'Rapid Response Commitment Plan',
  'talent-offer': 'Talent register offer',
  'isap-extension': 'ISAP extension',
  'support-deployment': 'Support deployment',
  'category-dispute': 'Category dispute',
};

/**
 * With a viewer who may not decide it (the DoSI listing a CEO decision, the person who raised it),
 * the card says who decides instead of showing buttons that would only refuse them.
 */
/** A decider role, and not their own request unless nobody else holds one (the rule approval.decide applies). */
export function mayDecideApproval(data: Readonly<Data>, a: Approval, person: Person): boolean {
  const decides = (p: Person) => p.roles.some((g) => a.deciderRoles.includes(g.role));
  if (!decides(person)) return false;
  return person.id !== a.requestedById || !data.people.some((p) => p.id !== person.id && decides(p));
}

export function approvalView(data: Readonly<Data>, a: Approval, ctx: Pick<Context, 'timeZone'>, notice = '', viewer?: Person): View {
  const name = (id?: string) => data.people.find((p) => p.id === id)?.name ?? 'someone';
  const decided = a.status !== 'pending';
  const mayDecide = !viewer || mayDecideApproval(data, a, viewer);
  return {
    card: 'approval',
    data: {
      id: a.id,
      kind: KIND_LABEL[a.kind],
      title: a.title,
      facts: [...a.facts, { title: 'Raised by', value: `${name(a.requestedById)}, ${formatWhen(a.requestedAt, ctx.timeZone)}` }],
      recommendation: a.recommendation,
      cases: a.cases,
      pending: !decided,
      status: a.status,
      outcome: decided
        ? `${OUTCOME_WORD[a.status]} by ${name(a.decidedById)} at ${formatWhen(a.decidedAt!, ctx.timeZone)}`
        : '',
      comment: a.comment ?? '',
      waiting: mayDecide ? '' : `Waiting for the ${a.deciderRoles.map((r) => ROLE_LABELS[r]).join(' or ')} to decide.`,
      notice,
    },
  };
}
