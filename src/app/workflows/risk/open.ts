// `risk open`: one round per half term; every headteacher (or the DoSI of a school without one) gets
// the category questions for their school.
import type { RiskRound } from '../../../domain';
import { outcome, type Notification } from '../../command';
import { AppError } from '../../errors';
import type { TextCommand } from '../../registry';
import { formatWhen } from '../../views/format';
import { questionsView } from './answer';
import { halfTermNow, nameOf, responderFor, roundName } from './shared';

export const openCommand: TextCommand = {
  key: 'risk.open',
  words: ['risk', 'open'],
  usage: 'risk open',
  summary: "Open this half term's risk round and send every school its questions",
  async run(ctx, { person }) {
    const result = await ctx.store.transact((draft) => {
      const ht = halfTermNow(draft, ctx);
      const name = roundName(draft, ht);
      const existing = draft.riskRounds.find((r) => r.halfTermId === ht.id);
      if (existing) {
        throw new AppError('ALREADY_DONE', `The ${name} risk round is already open: ${nameOf(draft, existing.openedById)} opened it ${formatWhen(existing.openedAt, ctx.timeZone)}.`, 'Type risk meeting to see where it stands.');
      }
      const round: RiskRound = {
        id: ctx.newId(),
        halfTermId: ht.id,
        openedById: person.id,
        openedAt: ctx.now().toISOString(),
        status: 'open',
        entries: draft.schools.map((s) => ({ schoolId: s.id, status: 'awaiting-answers', proposedUrgentAction: false, proposalReasons: [], decidedUrgentAction: false })),
      };
      draft.riskRounds.push(round);
      const notifications: Notification[] = [];
      const unreachable: string[] = [];
      let viaDosi = 0;
      for (const s of draft.schools) {
        const to = responderFor(s);
        if (!to) {
          unreachable.push(s.name);
          continue;
        }
        if (!s.headteacherId) viaDosi++;
        notifications.push({ ...questionsView(draft, ctx, round, s), to: { person: to } });
      }
      return { name, schools: draft.schools.length, notifications, unreachable, viaDosi, roundId: round.id };
    }, { audit: (result) => ({ at: ctx.now().toISOString(), actorId: person.id, action: 'risk.open', subject: result.roundId, outcome: 'ok', detail: { halfTerm: result.name } }) });
    const items = [
      { title: `Questions sent for ${result.notifications.length} school${result.notifications.length === 1 ? '' : 's'}`, detail: result.viaDosi ? `${result.viaDosi} without a headteacher went to their DoSI.` : 'Each headteacher has their school\'s card.' },
      ...(result.unreachable.length ? [{ title: 'No one to ask', detail: `${result.unreachable.join(', ')}: no headteacher or DoSI recorded. Use risk answer <school>.` }] : []),
    ];
    return outcome(
      [{ card: 'list', data: { title: `Risk round ${result.name} is open`, intro: `${result.schools} schools. Type risk meeting to follow the answers.`, empty: '', items } }],
      result.notifications,
    );
  },
};
