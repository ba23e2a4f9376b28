// `risk` on its own: the meeting for the executive and board, a headteacher's own school otherwise;
// `risk <school>` (name or URN, forgiving): the school's category history.
import type { Person, School } from '../../../domain';
import { rolesOf } from '../../../domain/people';
import { historyOf, placementLabel, trendOf } from '../../../domain/risk-rules';
import type { Data } from '../../../store/schema';
import { reply, type Context, type View } from '../../command';
import { mayRun } from '../../permissions';
import type { TextCommand } from '../../registry';
import { meetingView, statusText } from './meeting';
import { boardView } from './board-view';
import { pageArg } from '../../views/paging';
import { currentRound, findSchool, frameworkOf, nameOf, placementOf } from './shared';

export function historyView(data: Readonly<Data>, ctx: Context, school: School): View {
  const fw = frameworkOf(data);
  const fmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: ctx.timeZone });
  const entry = currentRound(data, ctx)?.entries.find((e) => e.schoolId === school.id);
  const items = historyOf(data.categoryHistory, school.id)
    .reverse()
    .map((c) => {
      const to = placementLabel(fw, c.to, c.urgentAction);
      const from = c.from ? placementLabel(fw, c.from) : undefined;
      const move = !from ? `placed in ${to}` : from === placementLabel(fw, c.to) && !c.urgentAction ? `confirmed ${to}` : `${from} → ${to}`;
      const approval = c.approvalId ? data.approvals.find((a) => a.id === c.approvalId) : undefined;
      const who = approval ? `Raised by ${nameOf(data, approval.requestedById)}, decided by ${nameOf(data, c.byId)}` : `By ${nameOf(data, c.byId)}`;
      return {
        title: `${fmt.format(new Date(c.at))}: ${move}`,
        detail: `${who}. ${c.rationale}${c.evidence.length ? ` Evidence: ${c.evidence.join('; ')}.` : ''}`,
      };
    });
  return {
    card: 'list',
    data: {
      title: `${school.name}: ${placementOf(data, school)}`,
      intro: `URN ${school.urn}. Trend: ${trendOf(fw, data.categoryHistory, school.id)}.${entry ? ` This half term: ${statusText(data, entry)}.` : ''}`,
      empty: 'No category recorded yet.',
      items,
    },
  };
}

function mayMeet(person: Person): boolean {
  return mayRun(rolesOf(person), 'risk.meeting');
}

export const historyCommand: TextCommand = {
  key: 'risk.history',
  words: ['risk'],
  usage: 'risk [school]',
  summary: 'The risk meeting (or the category board when no round is open), or a school\'s category history (name or URN)',
  run(ctx, { data, person, cmd }) {
    const query = pageArg(cmd.args).rest.join(' ');
    if (query || !mayMeet(person)) {
      const v = historyView(data, ctx, findSchool(data, person, query));
      return reply(v.card, v.data);
    }
    // With no round open, the Director sees the board and the button to open one.
    const round = currentRound(data, ctx);
    const v = round ? meetingView(data, ctx, round, person, cmd.args) : boardView(data, ctx, person, cmd.args);
    return reply(v.card, v.data);
  },
};
