// The risk meeting: the category board of the round (see ./board.ts) with what needs the viewer
// now; `risk review <school>` opens one school's decision card.
import { z } from 'zod';
import { describeOfsted, type Person, type RiskEntry, type RiskRound, type School } from '../../../domain';
import { rolesOf } from '../../../domain/people';
import { orderedCategories } from '../../../domain/risk-proposal';
import { overlayLabel, placementLabel, trendOf } from '../../../domain/risk-rules';
import { pageLabel } from '../../views/paging';
import { boardFromWords, trendArrow } from './board';
import type { Data } from '../../../store/schema';
import { reply, type Context, type View } from '../../command';
import { mayRun } from '../../permissions';
import { defineAction, type CardAction, type TextCommand } from '../../registry';
import { formatWhen } from '../../views/format';
import { boardView } from './board-view';
import { currentRound, entryOf, findSchool, frameworkOf, halfTermNow, nameOf, placementOf, requireRound, roundName, schoolOf } from './shared';

export function statusText(data: Readonly<Data>, e: RiskEntry): string {
  const fw = frameworkOf(data);
  const decided = placementLabel(fw, e.decided, e.decidedUrgentAction);
  switch (e.status) {
    case 'awaiting-answers':
      return 'not answered';
    case 'answered':
      return 'to decide';
    case 'awaiting-ceo':
      return `${decided} waiting for the CEO`;
    case 'decided':
      return `decided ${decided}, to publish`;
    case 'published':
      return `published ${decided}`;
    case 'disputed':
      return `published ${decided}, disputed with the Chair`;
  }
}

/** What a school's line says after its name: trend, then where it stands in the round. */
function stageText(data: Readonly<Data>, e: RiskEntry): string {
  const fw = frameworkOf(data);
  if (e.status === 'answered') return `**to decide**${e.proposed ? `: proposed ${placementLabel(fw, e.proposed, e.proposedUrgentAction)}` : ''}`;
  if (e.status === 'awaiting-answers') return 'not answered';
  return statusText(data, e);
}

/**
 * The risk meeting as a board: schools under their current category, worst first, each with its
 * colour, trend and stage; at the top what needs the viewer now. A page at a time (`risk meeting
 * page 2`), or narrowed (`risk meeting red`, `risk meeting to decide`, `risk meeting hub north`).
 */
export function meetingView(data: Readonly<Data>, ctx: Context, round: RiskRound, viewer: Person, args: readonly string[] = []): View {
  const fw = frameworkOf(data);
  const { board, filter } = boardFromWords(data, round, args, 'risk meeting', ({ school, entry }, history) =>
    [
      `**${school.name}**`,
      ...(school.urgentAction && fw.overlay ? [placementLabel(fw, school.categoryId)] : []),
      trendArrow(fw, history),
      entry ? stageText(data, entry) : '',
    ].filter(Boolean).join(' · '),
  );
  const count = (st: RiskEntry['status'][]) => round.entries.filter((e) => st.includes(e.status)).length;
  const waiting = count(['awaiting-answers']);
  const total = round.entries.length;
  const roles = rolesOf(viewer);
  // The board reads the meeting; only the executive reviews and decides.
  const mayReview = mayRun(roles, 'risk.review');
  const open = mayReview ? board.page.items.filter((r) => r.entry && ['answered', 'awaiting-answers'].includes(r.entry.status)) : [];
  const needs = [
    ...(mayReview && count(['answered']) ? [`**${count(['answered'])} to decide**: type risk meeting to decide`] : []),
    ...(count(['awaiting-ceo']) ? [`**${count(['awaiting-ceo'])} with the CEO**${roles.includes('ceo') ? ': type approvals' : ''}`] : []),
    ...(waiting ? [`**${waiting} not answered**: type risk meeting not answered`] : []),
    ...(mayRun(roles, 'risk.publish') && count(['decided']) ? [`**${count(['decided'])} decided**: type risk publish when the meeting is done`] : []),
  ];
  const label = pageLabel(board.page);
  return {
    card: 'risk-meeting',
    data: {
      title: `Risk meeting, ${roundName(data, halfTermNow(data, ctx))}${filter ? `: ${filter.label}` : ''}${label ? ` (${label})` : ''}`,
      summary: `${total - waiting} of ${total} answered · ${count(['answered'])} to decide · ${count(['awaiting-ceo'])} with the CEO · ${count(['decided'])} to publish · ${count(['published', 'disputed'])} published`,
      needs: needs.length ? needs.map((n) => `- ${n}`).join('\n') : '',
      totals: board.totals,
      empty: filter ? `No ${filter.label} in this round.` : 'No schools in this round.',
      groups: board.groups,
      more: board.page.more,
      schools: open.map((r) => ({ title: r.school.name, value: r.school.id })),
      first: open[0]?.school.id ?? '',
      footer: open.length
        ? 'Pick a school on this page to confirm or move it (or type risk review <school>). Narrow the board with risk meeting red, risk meeting to decide or risk meeting hub <name>.'
        : '',
    },
  };
}

export function reviewView(data: Readonly<Data>, ctx: Context, round: RiskRound, school: School, viewer: Person): View {
  const fw = frameworkOf(data);
  const e = entryOf(round, school.id);
  const a = e.answers;
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  const facts = [
    { title: 'Current', value: placementOf(data, school) },
    { title: 'Trend', value: trendOf(fw, data.categoryHistory, school.id) },
    ...(e.proposed ? [{ title: 'Proposed', value: placementLabel(fw, e.proposed, e.proposedUrgentAction) }] : []),
    ...(a
      ? [
          { title: 'Answered by', value: `${nameOf(data, e.answeredById)}, ${formatWhen(e.answeredAt!, ctx.timeZone)}` },
          { title: 'Ofsted', value: describeOfsted(a.ofsted) },
          { title: 'Attendance', value: `${a.attendance}% (national ${a.nationalAttendance}%)` },
          { title: 'Safeguarding concerns', value: yes(a.safeguardingConcerns) },
          { title: 'Leadership change', value: yes(a.leadershipChange) },
          ...(a.notes ? [{ title: 'Notes', value: a.notes }] : []),
        ]
      : [{ title: 'Answers', value: 'not answered yet' }]),
  ];
  const decidable = ['awaiting-answers', 'answered'].includes(e.status) && mayRun(rolesOf(viewer), 'risk.decide');
  const notice = ['awaiting-answers', 'answered'].includes(e.status)
    ? ''
    : `${statusText(data, e)} (${nameOf(data, e.decidedById)}: ${e.rationale ?? ''})`;
  return {
    card: 'risk-decide',
    data: {
      halfTerm: roundName(data, halfTermNow(data, ctx)),
      roundId: round.id,
      schoolId: school.id,
      schoolName: school.name,
      notice,
      facts,
      reasons: e.proposalReasons.map((text) => ({ text })),
      decidable,
      categories: orderedCategories(fw).map((c) => ({ title: placementLabel(fw, c.id), value: c.id })),
      proposed: e.proposed ?? school.categoryId ?? '',
      overlay: overlayLabel(fw),
      proposedUrgent: String(e.proposed ? e.proposedUrgentAction : school.urgentAction),
    },
  };
}

export const meetingCommand: TextCommand = {
  key: 'risk.meeting',
  words: ['risk', 'meeting'],
  usage: 'risk meeting [category|stage|phase|hub <name>] [page N]',
  summary: 'The board: every school by category, worst first, with trend and where it stands',
  run(ctx, { data, person, cmd }) {
    const round = currentRound(data, ctx);
    // No round yet: the board, with the button to open one for those who may.
    const v = round ? meetingView(data, ctx, round, person, cmd.args) : boardView(data, ctx, person, cmd.args);
    return reply(v.card, v.data);
  },
};

export const reviewCommand: TextCommand = {
  key: 'risk.review',
  words: ['risk', 'review'],
  usage: 'risk review <school>',
  summary: "One school's answers and proposal, to confirm or move it",
  run(ctx, { data, person, cmd }) {
    const round = requireRound(data, ctx);
    const v = reviewView(data, ctx, round, findSchool(data, person, cmd.args.join(' ')), person);
    return reply(v.card, v.data);
  },
};

export const reviewAction: CardAction = defineAction({
  verb: 'risk.review',
  schema: z.object({ schoolId: z.string().min(1) }),
  run(ctx, { data, person }, input) {
    const round = requireRound(data, ctx);
    const v = reviewView(data, ctx, round, schoolOf(data, input.schoolId), person);
    return reply(v.card, v.data);
  },
});
