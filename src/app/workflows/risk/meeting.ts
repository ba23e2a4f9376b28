// The risk meeting: every school's current and proposed category, its trend and who has not
// answered; `risk review <school>` opens one school's decision card.
import { z } from 'zod';
import { describeOfsted, type Person, type RiskEntry, type RiskRound, type School } from '../../../domain';
import { rolesOf } from '../../../domain/people';
import { orderedCategories } from '../../../domain/risk-proposal';
import { placementLabel, trendOf } from '../../../domain/risk-rules';
import type { Data } from '../../../store/schema';
import { reply, type Context, type View } from '../../command';
import { mayRun } from '../../permissions';
import { defineAction, type CardAction, type TextCommand } from '../../registry';
import { formatWhen } from '../../views/format';
import { entryOf, findSchool, frameworkOf, halfTermNow, nameOf, placementOf, requireRound, roundName, schoolOf } from './shared';

/** The meeting works down the schools needing a decision first, one group per stage. */
const GROUPS: { status: RiskEntry['status'][]; heading: string }[] = [
  { status: ['answered'], heading: 'To decide' },
  { status: ['awaiting-answers'], heading: 'Not answered' },
  { status: ['awaiting-ceo'], heading: 'With the CEO' },
  { status: ['decided'], heading: 'Decided, to publish' },
  { status: ['published', 'disputed'], heading: 'Published' },
];

/** Joins lines into blocks of at most `max` characters: Slack refuses a section over 3000. */
export function chunk(lines: string[], max = 2800): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const last = out.length - 1;
    if (last >= 0 && out[last]!.length + 1 + l.length <= max) out[last] += `\n${l}`;
    else out.push(l.slice(0, max));
  }
  return out;
}

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

/**
 * One compact line per school, grouped by stage, as markdown bullets: a 150-school trust stays
 * readable and well under Teams' 28 KB message limit. Schools still open are in the review picker.
 */
export function meetingView(data: Readonly<Data>, ctx: Context, round: RiskRound, viewer: Person): View {
  const fw = frameworkOf(data);
  const rows = round.entries.map((e) => ({ e, s: schoolOf(data, e.schoolId) })).sort((a, b) => a.s.name.localeCompare(b.s.name));
  const line = ({ e, s }: (typeof rows)[number]) =>
    [
      `**${s.name}**: ${placementOf(data, s)}`,
      e.proposed ? `proposed ${placementLabel(fw, e.proposed, e.proposedUrgentAction)}` : '',
      `trend ${trendOf(fw, data.categoryHistory, s.id)}`,
      e.decided ? `decided ${placementLabel(fw, e.decided, e.decidedUrgentAction)}${e.status === 'disputed' ? ', disputed' : ''}` : '',
    ].filter(Boolean).join(' · ');
  const groups = GROUPS.map((g) => ({ g, members: rows.filter((r) => g.status.includes(r.e.status)) }))
    .filter((x) => x.members.length)
    .map(({ g, members }) => ({ heading: `${g.heading} (${members.length})`, chunks: chunk(members.map((m) => `- ${line(m)}`)).map((text) => ({ text })) }));
  const count = (st: RiskEntry['status'][]) => round.entries.filter((e) => st.includes(e.status)).length;
  const waiting = count(['awaiting-answers']);
  const total = round.entries.length;
  // The board reads the meeting; only the executive reviews and decides.
  const open = mayRun(rolesOf(viewer), 'risk.review') ? rows.filter((r) => ['answered', 'awaiting-answers'].includes(r.e.status)) : [];
  return {
    card: 'risk-meeting',
    data: {
      title: `Risk meeting, ${roundName(data, halfTermNow(data, ctx))}`,
      summary: `${total - waiting} of ${total} answered · ${count(['answered'])} to decide · ${count(['awaiting-ceo'])} with the CEO · ${count(['decided'])} to publish · ${count(['published', 'disputed'])} published`,
      empty: 'No schools in this round.',
      groups,
      schools: open.map((r) => ({ title: r.s.name, value: r.s.id })),
      first: open[0]?.s.id ?? '',
      footer: open.length ? 'Pick a school to confirm or move it (or type risk review <school>). When decided, type risk publish.' : '',
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
      overlay: fw.overlay?.label ?? '',
      proposedUrgent: String(e.proposed ? e.proposedUrgentAction : school.urgentAction),
    },
  };
}

export const meetingCommand: TextCommand = {
  key: 'risk.meeting',
  words: ['risk', 'meeting'],
  usage: 'risk meeting',
  summary: 'Every school: current and proposed category, trend, who has not answered',
  run(ctx, { data, person }) {
    const v = meetingView(data, ctx, requireRound(data, ctx), person);
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
