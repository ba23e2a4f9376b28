// Results and the CSV export: the same release decision as every other view (see surveys-results).
import { resultsCsv, surveyResults } from '../../../domain/surveys-results';
import { outcome, reply, type Context, type Outcome, type Request } from '../../command';
import type { TextCommand } from '../../registry';
import { findSurvey, resultsScope } from './access';
import { exportView, resultsView } from './views';
import { messageCard } from '../../views/message-card';
import { pageArg } from '../../views/paging';

async function compute(ctx: Context, { person, data, cmd }: Request, args: string[] = cmd.args) {
  const survey = findSurvey(data, args[0]);
  if (survey.status === 'draft') return { survey, results: undefined };
  const scope = resultsScope(data, person, survey, args.slice(1));
  const rules = data.trust?.settings.anonymity ?? { minGroup: 5, minFreeText: 10 };
  const responses = await ctx.store.surveyResponses(survey.id);
  return { survey, results: surveyResults(survey, responses, rules, data.schools, scope) };
}

async function results(ctx: Context, req: Request): Promise<Outcome> {
  const { page, rest } = pageArg(req.cmd.args);
  const { survey, results: r } = await compute(ctx, req, rest);
  if (!r) return outcome([messageCard(survey.title, 'This survey is a draft: nobody has been asked yet.', `survey open ${survey.id}`)]);
  const v = resultsView(r, survey.status, page);
  return reply(v.card, v.data);
}

async function exportCsv(ctx: Context, req: Request): Promise<Outcome> {
  const { survey, results: r } = await compute(ctx, req);
  if (!r) return outcome([messageCard(survey.title, 'This survey is a draft: there is nothing to export.')]);
  const v = exportView(r, resultsCsv(r));
  return reply(v.card, v.data);
}

export const resultsCommands: TextCommand[] = [
  { key: 'survey.results', words: ['survey', 'results'], usage: 'survey results <id> [school] [page N]', summary: 'Results, with small groups hidden', run: results },
  { key: 'survey.export', words: ['survey', 'export'], usage: 'survey export <id> [school]', summary: 'The results as CSV, exactly what may be shown', run: exportCsv },
];
