// `risk` with no round open, and `risk board` at any time: the category board of the whole trust,
// worst category first, with a button to open this half term's round for those who may.
import type { Person } from '../../../domain';
import { rolesOf } from '../../../domain/people';
import { placementLabel } from '../../../domain/risk-rules';
import type { Data } from '../../../store/schema';
import { reply, type Context, type View } from '../../command';
import { mayRun } from '../../permissions';
import type { TextCommand } from '../../registry';
import { pageLabel } from '../../views/paging';
import { boardFromWords, trendArrow } from './board';
import { currentRound, frameworkOf, halfTermNow, roundName } from './shared';

export function boardView(data: Readonly<Data>, ctx: Context, viewer: Person, args: readonly string[] = []): View {
  const fw = frameworkOf(data);
  const { board, filter } = boardFromWords(data, undefined, args, 'risk board', ({ school }, history) =>
    [`**${school.name}**`, ...(school.urgentAction && fw.overlay ? [placementLabel(fw, school.categoryId)] : []), trendArrow(fw, history)].join(' · '),
  );
  const half = roundName(data, halfTermNow(data, ctx));
  const round = currentRound(data, ctx);
  const canOpen = !round && mayRun(rolesOf(viewer), 'risk.open');
  const label = pageLabel(board.page);
  return {
    card: 'risk-meeting',
    data: {
      title: `Categories, ${half}${filter ? `: ${filter.label}` : ''}${label ? ` (${label})` : ''}`,
      summary: round ? `The ${half} risk round is open: type risk meeting to work through it.` : `${data.schools.length} schools. No risk round is open for ${half} yet.`,
      needs: canOpen ? `- Open the ${half} round to send every headteacher the category questions.` : '',
      totals: board.totals,
      empty: filter ? `No ${filter.label}.` : 'No schools yet.',
      groups: board.groups,
      more: board.page.more,
      schools: [],
      first: '',
      footer: 'Narrow the board with risk board red, risk board primary or risk board hub <name>; risk <school> shows one school\'s history.',
      canOpen,
    },
  };
}

export const boardCommand: TextCommand = {
  key: 'risk.meeting',
  words: ['risk', 'board'],
  usage: 'risk board [category|phase|hub <name>] [page N]',
  summary: 'Every school by category, worst first, with its trend',
  run(ctx, { data, person, cmd }) {
    const v = boardView(data, ctx, person, cmd.args);
    return reply(v.card, v.data);
  },
};
