// Survey results that cannot identify anyone. A group's scores are shown only when it has at least
// minGroup responses, its comments only with at least minFreeText; and the set of schools shown is
// chosen so that no hidden group can be worked out by subtracting shown groups from the trust total.
// One release decision per survey and threshold serves every view (trust, school, export), so
// putting two people's views side by side reveals nothing either could not see alone. While a
// survey is open only response counts are shown: two looks a response apart would otherwise
// differ by exactly one person's answers, in any group, however large.
import { LIKERT, type AnonymityRules, type Question, type Survey, type SurveyResponse } from './surveys';

export interface Release {
  /** Schools whose own results may be shown. */
  released: string[];
  /** Schools with responses whose results are hidden: too small, or protecting a smaller one. */
  withheld: string[];
  /** Withheld although big enough, so that the withheld total is not a small group. */
  protecting: string[];
}

/**
 * Chooses the schools whose results may be shown at one threshold. Schools under the threshold are
 * withheld. If the withheld schools together are still a small (non-zero) group, the trust total
 * minus the shown schools would reveal them, so the next-smallest shown schools are withheld too
 * until the withheld total reaches the threshold (or nothing is shown).
 */
export function releaseSchools(counts: Readonly<Record<string, number>>, threshold: number): Release {
  const withResponses = Object.entries(counts).filter(([, n]) => n > 0);
  const bySize = (a: [string, number], b: [string, number]) => a[1] - b[1] || a[0].localeCompare(b[0]);
  const shown = withResponses.filter(([, n]) => n >= threshold).sort(bySize);
  const withheld = withResponses.filter(([, n]) => n < threshold);
  const protecting: string[] = [];
  let hiddenTotal = withheld.reduce((s, [, n]) => s + n, 0);
  while (hiddenTotal > 0 && hiddenTotal < threshold && shown.length) {
    const next = shown.shift()!;
    withheld.push(next);
    protecting.push(next[0]);
    hiddenTotal += next[1];
  }
  return { released: shown.map(([id]) => id).sort(), withheld: withheld.map(([id]) => id).sort(), protecting: protecting.sort() };
}

export interface QuestionResult {
  id: string;
  text: string;
  type: Question['type'];
  answers: number;
  /** Likert: mean on 1 to 5, one decimal. */
  mean?: number;
  /** Likert: the share answering Agree or Strongly agree, in whole per cent. */
  agreePercent?: number;
  /** Likert and choice: how many gave each answer. */
  distribution?: { answer: string; count: number }[];
  /** Free text: the comments (sorted, so their order says nothing), when the group is big enough. */
  comments?: string[];
  /** Why the comments are not shown. */
  commentsHidden?: string;
}

export interface GroupResult {
  label: string;
  responses: number;
  invited: number;
  shown: boolean;
  /** Why the results are not shown; '' when they are. */
  hiddenReason: string;
  questions: QuestionResult[];
}

export interface SurveyResults {
  surveyId: string;
  title: string;
  /** 'trust' or a school id. */
  scope: string;
  rules: AnonymityRules;
  overall: GroupResult;
  /** Trust view only: one row per school, then "Other schools" when that group may be shown. */
  schools: GroupResult[];
}

export interface SchoolRef {
  id: string;
  name: string;
}

const reasonSmall = (rules: AnonymityRules) => `Hidden: fewer than ${rules.minGroup} responses.`;
/** Said in place of scores and comments while answers are still coming in. */
export const REASON_OPEN = 'Scores and comments are shown once the survey closes: while it is open, comparing two looks could show one person\u2019s answers.';
const REASON_PROTECTING = 'Hidden so that a smaller school\u2019s answers cannot be worked out from the trust total.';
const REASON_COMMENTS_PROTECTING = 'Comments hidden so that a smaller school\u2019s comments cannot be worked out from the trust\u2019s.';

/** Results for the trust (scope 'trust') or one school, with every hiding rule applied. */
export function surveyResults(
  survey: Pick<Survey, 'id' | 'title' | 'questions' | 'invited'> & { status?: Survey['status'] },
  responses: readonly SurveyResponse[],
  rules: AnonymityRules,
  schools: readonly SchoolRef[],
  scope: 'trust' | string,
): SurveyResults {
  const own = responses.filter((r) => r.surveyId === survey.id);
  const counts: Record<string, number> = Object.fromEntries(Object.keys(survey.invited).map((id) => [id, 0]));
  for (const r of own) counts[r.schoolId] = (counts[r.schoolId] ?? 0) + 1;
  const scores = releaseSchools(counts, rules.minGroup);
  const comments = releaseSchools(counts, rules.minFreeText);
  const names = new Map(schools.map((s) => [s.id, s.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const invited = (ids: string[]) => ids.reduce((s, id) => s + (survey.invited[id] ?? 0), 0);
  // Responses by school, read once: a 1,000-school trust would otherwise scan them all per school.
  const bySchool = new Map<string, SurveyResponse[]>();
  for (const r of own) {
    const list = bySchool.get(r.schoolId);
    if (list) list.push(r);
    else bySchool.set(r.schoolId, [r]);
  }
  const of = (ids: string[]) => ids.flatMap((id) => bySchool.get(id) ?? []);

  const commentsReason = (n: number) => (n < rules.minFreeText ? `Comments are shown for groups of ${rules.minFreeText} or more.` : REASON_COMMENTS_PROTECTING);
  const open = survey.status === 'open';
  const group = (label: string, ids: string[], releasedScores: boolean, showComments: boolean, releasedReason: string): GroupResult => {
    const rs = of(ids);
    const showScores = releasedScores && !open;
    const hiddenReason = open ? REASON_OPEN : releasedReason;
    const commentsHidden = showComments ? '' : commentsReason(rs.length);
    const shown = showScores && rs.length > 0;
    return {
      label,
      responses: rs.length,
      invited: invited(ids),
      shown,
      hiddenReason: shown ? '' : rs.length === 0 ? 'No responses yet.' : hiddenReason,
      questions: shown ? survey.questions.map((q) => summarise(q, rs, commentsHidden)) : [],
    };
  };

  if (scope !== 'trust') {
    const n = counts[scope] ?? 0;
    const reason = n < rules.minGroup ? reasonSmall(rules) : REASON_PROTECTING;
    const overall = group(nameOf(scope), [scope], scores.released.includes(scope), comments.released.includes(scope), reason);
    return { surveyId: survey.id, title: survey.title, scope, rules, overall, schools: [] };
  }

  const all = Object.keys(counts);
  const total = own.length;
  const overall = group('All schools', all, total >= rules.minGroup, total >= rules.minFreeText, reasonSmall(rules));
  const rows = [...all]
    .sort((a, b) => nameOf(a).localeCompare(nameOf(b)))
    .map((id) =>
      group(nameOf(id), [id], scores.released.includes(id), comments.released.includes(id), scores.protecting.includes(id) ? REASON_PROTECTING : reasonSmall(rules)),
    );
  // The withheld schools together are trust minus shown: safe to show as one group once it is big enough.
  const other = scores.withheld;
  const otherTotal = of(other).length;
  if (scores.released.length && other.length >= 2 && otherTotal >= rules.minGroup) {
    // Its comments are trust minus shown comments only when the same schools are withheld for both.
    const commentsOk = otherTotal >= rules.minFreeText && sameSet(other, comments.withheld);
    rows.push(group(`Other schools (${other.length} together)`, other, true, commentsOk, ''));
  }
  return { surveyId: survey.id, title: survey.title, scope, rules, overall, schools: rows };
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** `commentsHidden` is why comments are not shown, or '' to show them. */
function summarise(q: Question, rs: readonly SurveyResponse[], commentsHidden: string): QuestionResult {
  const values = rs.map((r) => r.answers[q.id]).filter((v) => v !== undefined);
  const base = { id: q.id, text: q.text, type: q.type, answers: values.length };
  if (q.type === 'likert') {
    const nums = values.filter((v): v is number => typeof v === 'number');
    const sum = nums.reduce((s, v) => s + v, 0);
    return {
      ...base,
      answers: nums.length,
      mean: nums.length ? Math.round((sum / nums.length) * 10) / 10 : undefined,
      agreePercent: nums.length ? Math.round((nums.filter((v) => v >= 4).length / nums.length) * 100) : undefined,
      distribution: LIKERT.map((answer, i) => ({ answer, count: nums.filter((v) => v === i + 1).length })),
    };
  }
  if (q.type === 'choice') {
    return { ...base, distribution: q.options.map((answer) => ({ answer, count: values.filter((v) => v === answer).length })) };
  }
  const texts = values.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  if (commentsHidden) return { ...base, answers: texts.length, commentsHidden };
  return { ...base, answers: texts.length, comments: [...texts].sort((a, b) => a.localeCompare(b)) };
}

/** A CSV of exactly what the results show: hidden groups appear with their counts and the reason only. */
export function resultsCsv(results: SurveyResults): string {
  const rows: string[][] = [['group', 'responses', 'invited', 'question_id', 'question', 'measure', 'value']];
  for (const g of [results.overall, ...results.schools]) {
    const head = [g.label, String(g.responses), String(g.invited)];
    if (!g.shown) {
      rows.push([...head, '', '', 'hidden', g.hiddenReason]);
      continue;
    }
    for (const q of g.questions) {
      const at = (measure: string, value: string | number) => rows.push([...head, q.id, q.text, measure, String(value)]);
      at('answers', q.answers);
      if (q.mean !== undefined) at('mean', q.mean);
      if (q.agreePercent !== undefined) at('agree_percent', q.agreePercent);
      for (const d of q.distribution ?? []) at(`count: ${d.answer}`, d.count);
      for (const c of q.comments ?? []) at('comment', c);
      if (q.commentsHidden) at('comments', q.commentsHidden);
    }
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** RFC 4180 quoting, and a leading ' on anything a spreadsheet would run as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
