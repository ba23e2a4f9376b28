// `risk.decide`: the DoSI confirms or moves a school. Moves the framework reserves for the CEO
// (into the worst category, or the overlay) become a CEO decision instead of a decision.
import { z } from 'zod';
import { categoryById, describeOfsted } from '../../../domain';
import { decisionNeedsCeo, overlayLabel, placementLabel, trendOf } from '../../../domain/risk-rules';
import { raiseApproval } from '../../approval-requests';
import { outcome } from '../../command';
import { AppError, badInput } from '../../errors';
import { defineAction, type CardAction } from '../../registry';
import { formatWhen } from '../../views/format';
import { statusText } from './meeting';
import { auditRefusals, entryOf, frameworkOf, halfTermNow, nameOf, requireRound, roundName, schoolOf } from './shared';
import { messageCard } from '../../views/message-card';

const DecideInput = z.object({
  schoolId: z.string().min(1),
  roundId: z.string().min(1),
  category: z.string().min(1),
  urgentAction: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).default(false),
  rationale: z.string().trim().min(1, 'give the rationale the school will read').max(2000),
});

export const decideAction: CardAction = defineAction({
  verb: 'risk.decide',
  schema: DecideInput,
  async run(ctx, { person }, input) {
    const at = ctx.now().toISOString();
    const result = await auditRefusals(ctx, person.id, 'risk.decide', input.schoolId, () =>
      ctx.store.transact((draft) => {
        const round = requireRound(draft, ctx);
        if (round.id !== input.roundId) throw new AppError('ALREADY_DONE', 'That card is from an earlier risk round: nothing was changed.', 'Type risk meeting for this half term.');
        const fw = frameworkOf(draft);
        const school = schoolOf(draft, input.schoolId);
        const entry = entryOf(round, school.id);
        if (!['awaiting-answers', 'answered'].includes(entry.status)) {
          throw new AppError('ALREADY_DONE', `${school.name} is already decided: ${statusText(draft, entry)}, by ${nameOf(draft, entry.decidedById)}. Nothing was changed.`, 'Type risk meeting to see where every school stands.');
        }
        const to = categoryById(fw, input.category);
        if (!to || to.id === fw.overlay?.id) {
          throw badInput(`"${input.category}" is not a category of ${fw.name}.`, `Pick one of: ${fw.categories.map((c) => c.label).join(', ')}.`);
        }
        const urgentAction = Boolean(fw.overlay) && input.urgentAction;
        const from = placementLabel(fw, school.categoryId, school.urgentAction);
        const label = placementLabel(fw, to.id, urgentAction);
        Object.assign(entry, { decided: to.id, decidedUrgentAction: urgentAction, decidedById: person.id, rationale: input.rationale });

        if (!decisionNeedsCeo(fw, { categoryId: school.categoryId, urgentAction: school.urgentAction }, { categoryId: to.id, urgentAction })) {
          entry.status = 'decided';
          return { school: structuredClone(school), label, from, notifications: [], ceo: false };
        }
        const a = entry.answers;
        const brings = [...to.support, ...(urgentAction && fw.overlay ? fw.overlay.support : [])];
        const { approval, notifications } = raiseApproval(draft, ctx, {
          kind: 'category-move',
          title:
            to.id === school.categoryId && fw.overlay
              ? `Put ${school.name} into ${overlayLabel(fw)} (stays ${placementLabel(fw, to.id)})`
              : `Move ${school.name} from ${from} to ${label}`,
          schoolId: school.id,
          facts: [
            { title: 'School', value: school.name },
            { title: 'Current category', value: from },
            { title: 'Risk meeting decision', value: label },
            ...(entry.proposed ? [{ title: 'Bot proposal', value: placementLabel(fw, entry.proposed, entry.proposedUrgentAction) }] : []),
            { title: 'Trend', value: trendOf(fw, draft.categoryHistory, school.id) },
            ...(a
              ? [
                  { title: 'Attendance', value: `${a.attendance}% (national ${a.nationalAttendance}%)` },
                  { title: 'Ofsted', value: describeOfsted(a.ofsted) },
                  { title: 'Safeguarding concerns', value: a.safeguardingConcerns ? 'yes' : 'no' },
                ]
              : []),
          ],
          recommendation: `${input.rationale} ${label} brings: ${brings.join('; ')}.`,
          requestedById: person.id,
          deciderRoles: ['ceo', 'deputy-ceo'],
          payload: { schoolId: school.id, from: school.categoryId, to: to.id, urgentAction, roundId: round.id, rationale: input.rationale, halfTermId: round.halfTermId },
        });
        entry.status = 'awaiting-ceo';
        entry.approvalId = approval.id;
        return { school: structuredClone(school), label, from, notifications, ceo: true };
      }, { audit: (result) => ({ at, actorId: person.id, action: 'risk.decide', subject: result.school.id, outcome: 'ok', detail: { category: input.category, urgentAction: input.urgentAction, toCeo: result.ceo } }) }),
    );
    const data = ctx.store.read();
    const title = result.ceo
      ? `${result.school.name}: ${result.label} sent to the CEO`
      : result.from === result.label
        ? `${result.school.name}: ${result.label} confirmed`
        : `${result.school.name}: ${result.from} → ${result.label} decided`;
    const intro = result.ceo
      ? `A move into ${result.label} is the CEO's decision; the card is with them. You will hear when they decide.`
      : `Recorded at ${formatWhen(ctx.now().toISOString(), ctx.timeZone)}. The school hears when you publish the ${roundName(data, halfTermNow(data, ctx))} outcome (risk publish).`;
    return outcome([{ ...messageCard(title, intro), replace: true }], result.notifications);
  },
});
