// What a CEO's or the Chair's decision does to a school's category. Runs inside the deciding
// transaction, so the decision and the change land together or not at all.
import { z } from 'zod';
import type { Approval } from '../../../domain';
import { placementLabel } from '../../../domain/risk-rules';
import type { Data } from '../../../store/schema';
import type { Context, DecisionEffect, Notification } from '../../command';
import { addRemedialActions, appliedCategories, outcomeView } from './publish';
import { entryForApproval, frameworkOf, nameOf, placementOf, recordPlacement, responderFor } from './shared';
import { messageCard } from '../../views/message-card';

/** Older approvals (the demo trust's oakfield-red) carry only schoolId, from, to, urgentAction. */
const MovePayload = z.object({
  schoolId: z.string().min(1),
  from: z.string().optional(),
  to: z.string().min(1),
  urgentAction: z.boolean().default(false),
  rationale: z.string().optional(),
  halfTermId: z.string().optional(),
});

const DisputePayload = z.object({ schoolId: z.string().min(1), roundId: z.string().min(1), wanted: z.string().min(1) });

const note = (title: string, intro: string, to: string | undefined): Notification[] =>
  to ? [{ ...messageCard(title, intro), to: { person: to } }] : [];

function invalid(a: Approval): Notification[] {
  // A payload no workflow can read: the decision stands as recorded; the requester is told nothing moved.
  return note(`Nothing was changed for "${a.title}"`, 'The decision was recorded, but it did not say which school and category. Raise it again from the risk meeting.', a.requestedById);
}

/** The approval's payload and its school, or undefined when either cannot be read. */
function read<S extends z.ZodType<{ schoolId: string }>>(draft: Data, a: Approval, schema: S) {
  const p = schema.safeParse(a.payload);
  const school = p.success ? draft.schools.find((s) => s.id === p.data.schoolId) : undefined;
  return p.success && school ? { p: p.data, school } : undefined;
}

export const categoryMoveEffect: DecisionEffect = (draft: Data, a: Approval, ctx: Context) => {
  const r = read(draft, a, MovePayload);
  if (!r) return invalid(a);
  const { p, school } = r;
  const fw = frameworkOf(draft);
  const link = entryForApproval(draft, a.id);
  const dosi = school.dosiId ?? a.requestedById;
  const decider = nameOf(draft, a.decidedById);
  const target = placementLabel(fw, p.to, p.urgentAction);

  if (a.status === 'rejected') {
    if (link) {
      Object.assign(link.entry, { status: link.entry.answers ? 'answered' : 'awaiting-answers', decided: undefined, decidedById: undefined, decidedUrgentAction: false, rationale: undefined });
    }
    return note(
      `${decider} rejected moving ${school.name} to ${target}`,
      `${school.name} stays ${placementOf(draft, school)}.${a.comment ? ` Comment: ${a.comment}` : ''}${link ? ` Decide again in the risk meeting: risk review ${school.name}.` : ''}`,
      dosi,
    );
  }
  const change = recordPlacement(draft, ctx, {
    schoolId: school.id,
    to: p.to,
    urgentAction: p.urgentAction,
    byId: a.decidedById ?? a.requestedById,
    rationale: p.rationale ?? a.recommendation ?? a.title,
    evidence: a.facts.map((f) => `${f.title}: ${f.value}`),
    approvalId: a.id,
    halfTermId: p.halfTermId ?? link?.round.halfTermId,
  });
  if (link) {
    // Part of a round: the school hears when the round is published.
    link.entry.status = 'decided';
    link.entry.changeId = change.id;
    return [];
  }
  // Raised outside a round: it takes effect now, and the headteacher hears now.
  const view = outcomeView(draft, ctx, school, {
    heading: 'Category decision',
    intro: `${decider} approved moving ${school.name} to ${target}.`,
    rationale: change.rationale,
  });
  const ht = responderFor(school);
  return ht ? [{ ...view, to: { person: ht } }] : [];
};

export const categoryDisputeEffect: DecisionEffect = (draft: Data, a: Approval, ctx: Context) => {
  const r = read(draft, a, DisputePayload);
  if (!r) return invalid(a);
  const { p, school } = r;
  const fw = frameworkOf(draft);
  const link = entryForApproval(draft, a.id);
  if (link) link.entry.status = 'published';
  const chair = nameOf(draft, a.decidedById);
  const before = placementOf(draft, school);
  let title: string;
  let changedActions = '';
  if (a.status === 'approved') {
    // The overturned category's remedial actions go (while still open); the agreed category's come in.
    const overturned = new Set(appliedCategories(draft, school.categoryId, school.urgentAction).flatMap((c) => c.remedialActions));
    const kept = new Set(appliedCategories(draft, p.wanted, false).flatMap((c) => c.remedialActions));
    const withdrawn = draft.isapActions.filter(
      (x) => x.schoolId === school.id && x.status === 'open' && x.source?.startsWith('risk round') && overturned.has(x.title) && !kept.has(x.title),
    );
    draft.isapActions = draft.isapActions.filter((x) => !withdrawn.includes(x));
    recordPlacement(draft, ctx, {
      schoolId: school.id,
      to: p.wanted,
      urgentAction: false,
      byId: a.decidedById ?? a.requestedById,
      rationale: `The Chair upheld the school's dispute.${a.comment ? ` ${a.comment}` : ''}`,
      evidence: a.cases.map((c) => `${c.side}: ${c.text}`),
      approvalId: a.id,
      halfTermId: link?.round.halfTermId,
    });
    const added = addRemedialActions(draft, ctx, school, `dispute upheld by the Chair, ${link?.round ? link.round.halfTermId : 'this half term'}`);
    if (withdrawn.length || added.length) {
      changedActions = ` ISAP: ${withdrawn.length} action${withdrawn.length === 1 ? '' : 's'} of the overturned category withdrawn${added.length ? `; added: ${added.map((x) => x.title).join('; ')}` : ''}.`;
    }
    title = `The Chair upheld ${school.name}'s dispute: now ${placementLabel(fw, p.wanted)} (was ${before})`;
  } else {
    title = `The Chair decided ${school.name}'s category stands: ${before}`;
  }
  const intro = `${chair} decided.${a.comment ? ` Comment: ${a.comment}` : ''}${changedActions}`;
  const people = [...new Set([link?.entry.dispute?.byId ?? a.requestedById, school.headteacherId, school.dosiId].filter((x): x is string => Boolean(x)))];
  return people.flatMap((id) => note(title, intro, id));
};
