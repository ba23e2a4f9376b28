// Steps 3 and 4: the executive team records the visit and interview; a recommendation goes to the
// CEO as a decision, and the decision puts the person on the register (or records that it did not).
import { z } from 'zod';
import type { Approval } from '../../../domain';
import { localDate } from '../../../domain/calendar';
import type { Data } from '../../../store/schema';
import { raiseApproval } from '../../approval-requests';
import { outcome, type Context, type DecisionEffect, type Notification } from '../../command';
import { AppError, badInput, notFound } from '../../errors';
import { defineAction, type TextCommand } from '../../registry';
import { formatDate } from '../../views/format';
import { message, note, phaseLabel, schoolName, STAGE_HEADINGS, visitView } from './views';

export const VisitInput = z.object({
  entryId: z.string().trim().min(1).max(100),
  date: z.iso.date(),
  notes: z.string().trim().min(1).max(4000),
  outcome: z.enum(['recommend', 'not-yet']),
});

export const visitCommand: TextCommand = {
  key: 'talent.visit',
  words: ['talent', 'visit'],
  usage: 'talent visit',
  summary: 'Nominations waiting for the executive team’s visit, one form each',
  run(ctx, { data }) {
    const waiting = data.talent.filter((e) => e.stage === 'referenced');
    const today = localDate(ctx.now(), ctx.timeZone);
    if (!waiting.length) return outcome([message('No visits to record', '', 'Every referenced nomination has had its visit.')]);
    return outcome(waiting.slice(0, 10).map((e) => visitView(data, e, ctx.timeZone, today)));
  },
};

export const visitAction = defineAction({
  verb: 'talent.visit',
  schema: VisitInput,
  async run(ctx, { person }, input) {
    const at = ctx.now().toISOString();
    const today = localDate(ctx.now(), ctx.timeZone);
    if (input.date > today) throw badInput('The visit date is in the future: record the visit once it has happened.');
    const result = await ctx.store.transact((draft) => {
      const e = draft.talent.find((x) => x.id === input.entryId);
      if (!e) throw notFound('That nomination', 'Type talent visit to see the visits still to record.');
      if (e.stage !== 'referenced') {
        throw new AppError('ALREADY_DONE', `${e.name} is not waiting for a visit (${STAGE_HEADINGS[e.stage].toLowerCase()}): nothing was changed.`, 'Type talent to see where each nomination is.');
      }
      if (input.date < localDate(new Date(e.nominatedAt), ctx.timeZone)) throw badInput(`The visit date is before ${e.name} was nominated: check the date.`);
      e.visit = { date: input.date, notes: input.notes, recordedById: person.id, outcome: input.outcome };
      if (input.outcome === 'not-yet') {
        e.stage = 'declined';
        return { entry: structuredClone(e), told: [] as Notification[] };
      }
      const school = schoolName(draft, e.schoolId);
      const { approval, notifications } = raiseApproval(draft, ctx, {
        kind: 'talent-offer',
        title: `Offer ${e.name} (${e.post}, ${school}) a place on the talent register`,
        schoolId: e.schoolId,
        facts: [
          { title: 'School', value: school },
          { title: 'Post', value: e.post },
          { title: 'Phase', value: phaseLabel(e.phase) },
          { title: 'Expertise', value: e.expertise.join(', ') },
          { title: 'Support available', value: e.supportAvailable || 'not said' },
          { title: 'Visit', value: `${formatDate(input.date)}, ${person.name}` },
        ],
        recommendation: input.notes,
        requestedById: person.id,
        deciderRoles: ['ceo', 'deputy-ceo'],
        payload: { entryId: e.id },
      });
      e.stage = 'offer-pending';
      e.approvalId = approval.id;
      return { entry: structuredClone(e), told: notifications };
    }, { audit: ({ entry }) => ({ at, actorId: person.id, action: 'talent.visit', subject: entry.id, outcome: 'ok', detail: { outcome: input.outcome } }) });
    const { entry } = result;
    const recommend = input.outcome === 'recommend';
    const head = note(
      entry.nominatedById,
      recommend ? `Visit recorded: ${entry.name} recommended` : `Visit recorded: ${entry.name}, not yet`,
      recommend
        ? 'The executive team has recommended a place on the talent register. The CEO makes the formal offer; you will hear here.'
        : `${person.name} visited on ${formatDate(input.date)}: not yet. You may nominate them again at the next annual refresh.`,
    );
    const done = message(
      recommend ? `Sent to the CEO: ${entry.name}` : `Recorded: ${entry.name}, not yet`,
      recommend ? 'The CEO and Deputy CEO have the offer to decide. The headteacher has been told.' : 'The headteacher has been told.',
    );
    return outcome([done], [...result.told, head]);
  },
});

/** Runs inside the deciding transaction: the register entry and the decision land together. */
export const offerDecided: DecisionEffect = (draft: Data, a: Approval, ctx: Context) => {
  const e = draft.talent.find((x) => x.id === a.payload.entryId);
  if (!e || e.stage !== 'offer-pending') return [];
  const tell = new Set([e.nominatedById, draft.schools.find((s) => s.id === e.schoolId)?.headteacherId].filter((x): x is string => Boolean(x)));
  if (a.status === 'approved') {
    e.stage = 'on-register';
    e.addedAt = ctx.now().toISOString();
    e.refreshedAt = localDate(ctx.now(), ctx.timeZone);
    return [...tell].map((id) =>
      note(id, `${e.name} is on the talent register`, `The CEO has made the formal offer of a place. Headteachers across the trust can now find ${e.name} with talent search. The entry is refreshed every year.`),
    );
  }
  e.stage = 'declined';
  return [...tell].map((id) => note(id, `${e.name}: no place on the talent register this time`, a.comment ? `The CEO's comment: ${a.comment}` : 'The CEO did not make an offer.'));
};
