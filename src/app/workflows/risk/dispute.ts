// Conflict resolution (Pele Trust, section 7): a headteacher disputes the published category; the
// Chair of the Board hears both cases and decides.
import { z } from 'zod';
import { categoryById } from '../../../domain/categories';
import { hasRole } from '../../../domain/people';
import { placementLabel } from '../../../domain/risk-rules';
import { raiseApproval } from '../../approval-requests';
import { outcome, type Notification } from '../../command';
import { AppError, badInput, notFound } from '../../errors';
import { defineAction, type CardAction } from '../../registry';
import { auditRefusals, entryOf, frameworkOf, nameOf, placementOf, schoolOf } from './shared';
import { messageCard } from '../../views/message-card';

const DisputeInput = z.object({
  schoolId: z.string().min(1),
  roundId: z.string().min(1),
  wanted: z.string().min(1),
  case: z.string().trim().min(10, "give the school's case (a sentence or more)").max(3000),
});

export const disputeAction: CardAction = defineAction({
  verb: 'risk.dispute',
  schema: DisputeInput,
  async run(ctx, { person }, input) {
    const result = await auditRefusals(ctx, person.id, 'risk.dispute', input.schoolId, () =>
      ctx.store.transact((draft) => {
        const school = schoolOf(draft, input.schoolId);
        if (!hasRole(person, 'headteacher', school.id)) {
          throw new AppError('NOT_ALLOWED', `Only the headteacher of ${school.name} can dispute its category: nothing was changed.`, 'Dispute your own school from its outcome card.');
        }
        const round = draft.riskRounds.find((r) => r.id === input.roundId);
        if (!round) throw notFound('That risk round');
        const entry = entryOf(round, school.id);
        if (entry.dispute) {
          const earlier = draft.approvals.find((x) => x.id === entry.dispute!.approvalId);
          const decided = earlier && earlier.status !== 'pending';
          throw new AppError(
            'ALREADY_DONE',
            decided
              ? `The Chair has already decided ${school.name}'s dispute for this round: nothing was changed.`
              : `${school.name}'s category is already disputed (${nameOf(draft, entry.dispute.byId)}): nothing was changed.`,
            decided ? 'The next half-termly risk round looks at the category again.' : 'The Chair decides it; you will hear the outcome.',
          );
        }
        if (entry.status !== 'published') throw new AppError('CONFLICT', `${school.name}'s category is not published yet, so there is nothing to dispute.`, 'You can dispute once the outcome is published.');
        const fw = frameworkOf(draft);
        const wanted = categoryById(fw, input.wanted);
        if (!wanted || wanted.id === fw.overlay?.id) throw badInput(`"${input.wanted}" is not a category of ${fw.name}.`);
        const current = placementOf(draft, school);
        const wantedLabel = placementLabel(fw, wanted.id);
        if (wantedLabel === current) throw badInput(`${school.name} is already ${current}: pick the category the school believes is right.`);
        const { approval, notifications } = raiseApproval(draft, ctx, {
          kind: 'category-dispute',
          title: `Dispute: ${school.name} placed in ${current}; the school asks for ${wantedLabel}`,
          schoolId: school.id,
          facts: [
            { title: 'School', value: school.name },
            { title: 'Published category', value: current },
            { title: 'The school asks for', value: wantedLabel },
            { title: 'Decided by', value: nameOf(draft, entry.decidedById) },
          ],
          recommendation: 'Approve if the school\'s view should stand (it moves as the school asks); reject if the category stands.',
          cases: [
            { side: `${school.name} (${person.name})`, text: input.case },
            { side: 'The executive team', text: entry.rationale ?? 'No rationale was recorded.' },
          ],
          requestedById: person.id,
          deciderRoles: ['chair'],
          payload: { schoolId: school.id, roundId: round.id, wanted: wanted.id, current: school.categoryId, currentUrgentAction: school.urgentAction },
        });
        entry.status = 'disputed';
        entry.dispute = { byId: person.id, text: input.case, approvalId: approval.id };
        const told: Notification[] = school.dosiId && school.dosiId !== person.id
          ? [{ card: 'list', data: { title: `${school.name} disputes ${current}`, intro: `${person.name} asks for ${wantedLabel}. The Chair decides; both cases are on the card.`, empty: '', items: [{ title: "The school's case", detail: input.case }] }, to: { person: school.dosiId } }]
          : [];
        return { school: structuredClone(school), current, wantedLabel, notifications: [...notifications, ...told] };
      }, { audit: (result) => ({ at: ctx.now().toISOString(), actorId: person.id, action: 'risk.dispute', subject: result.school.id, outcome: 'ok', detail: { wanted: input.wanted } }) }),
    );
    return outcome(
      [{ ...messageCard(`Dispute sent to the Chair: ${result.school.name}`, `You asked for ${result.wantedLabel} instead of ${result.current}. The Chair of the Board sees your case beside the executive team's rationale and decides; you will hear the outcome.`), replace: true }],
      result.notifications,
    );
  },
});
