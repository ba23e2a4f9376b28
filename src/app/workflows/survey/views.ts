// The survey cards' data: the survey to answer (one-tap buttons for a one-question pulse, a form
// otherwise), the results, and the CSV export.
import { LIKERT, type Question, type Survey } from '../../../domain/surveys';
import { REASON_OPEN, type GroupResult, type SurveyResults } from '../../../domain/surveys-results';
import type { View } from '../../command';
import { formatDate } from '../../views/format';
import { pageLabel, pageOf } from '../../views/paging';

export const surveySubject = (id: string) => `survey:${id}`;

const KIND_LABEL: Record<Survey['kind'], string> = { staff: 'Staff survey', 'pupil-voice': 'Pupil voice' };

/** Teams shows at most 6 buttons on a card: a pulse is one Likert statement or a choice of up to 5. */
export function isPulse(survey: Pick<Survey, 'questions'>): boolean {
  const [q, ...rest] = survey.questions;
  return !!q && !rest.length && (q.type === 'likert' || (q.type === 'choice' && q.options.length <= 5));
}

const choicesOf = (q: Question) =>
  q.type === 'likert' ? LIKERT.map((title, i) => ({ title, value: String(i + 1) })) : q.type === 'choice' ? q.options.map((o) => ({ title: o, value: o })) : [];

export interface FormState {
  /** Set when this person has answered: no inputs, just the thanks. */
  answered?: boolean;
  notice?: string;
  /** The creator's preview of a draft, with an Open button. */
  canOpen?: boolean;
  minGroup?: number;
}

export function surveyFormView(survey: Survey, state: FormState = {}): View {
  const answering = survey.status === 'open' && !state.answered;
  const pulse = answering && isPulse(survey);
  const q0 = survey.questions[0]!;
  const statusLine =
    survey.status === 'draft'
      ? 'Draft: not sent to anyone yet.'
      : survey.status === 'closed'
        ? 'This survey has closed. Thank you to everyone who answered.'
        : state.answered
          ? 'Thank you: your answer is in. You cannot answer again.'
          : `Anonymous: your name is not stored with your answers, and results are shown only for groups of ${state.minGroup ?? 5} or more.${survey.closesOn ? ` Open until ${formatDate(survey.closesOn)}.` : ''}`;
  return {
    card: 'survey-form',
    data: {
      id: survey.id,
      kind: KIND_LABEL[survey.kind],
      title: survey.title,
      status: statusLine,
      notice: state.notice ?? '',
      caution: answering && survey.questions.some((q) => q.type === 'text')
        ? 'Please do not name a child or a colleague. A worry about a child goes to your DSL, not here.'
        : '',
      pulse,
      showForm: answering && !pulse,
      showList: !answering && survey.status === 'draft',
      pulseQuestion: pulse ? q0.text : '',
      buttons: pulse ? choicesOf(q0).map((c) => ({ title: c.title, data: { surveyId: survey.id, [q0.id]: c.value } })) : [],
      questions: survey.questions.map((q, i) => ({
        id: q.id,
        label: `${i + 1}. ${q.text}`,
        isChoice: q.type !== 'text',
        isText: q.type === 'text',
        choices: choicesOf(q),
        typeLabel: q.type === 'likert' ? 'agree / disagree' : q.type === 'choice' ? `choice of ${choicesOf(q).length}` : 'free text',
      })),
      canOpen: !!state.canOpen && survey.status === 'draft',
    },
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const rate = (g: Pick<GroupResult, 'responses' | 'invited'>) =>
  g.invited ? `${g.responses} of ${g.invited} (${Math.round((g.responses / g.invited) * 100)}%)` : plural(g.responses, 'response');

/** One line per school for the breakdown: response rate, then each Likert mean, or why it is hidden. */
function schoolLine(g: GroupResult): string {
  // While the survey is open the card says why once, above; each school shows its rate.
  if (!g.shown && g.hiddenReason === REASON_OPEN) return rate(g);
  if (!g.shown) return `${rate(g)}. ${g.hiddenReason}`;
  const means = g.questions.flatMap((q, i) => (q.mean !== undefined ? [`Q${i + 1} ${q.mean.toFixed(1)}`] : []));
  return [rate(g), ...means].join(' \u00b7 ');
}

/** A card has room for a sample of comments; the export carries every one that may be shown. */
const CARD_COMMENTS = 15;

/** Schools listed on one page of the trust's results: the weakest scores first. */
export const SCHOOLS_PER_PAGE = 25;

/** The first Likert mean of a group, to list the schools that need attention first. */
const firstMean = (g: GroupResult) => g.questions.find((q) => q.mean !== undefined)?.mean ?? Number.POSITIVE_INFINITY;

/**
 * The per-school breakdown, a page at a time: shown schools weakest first (then the "Other schools"
 * group), then the hidden ones, each with why.
 */
function schoolRows(r: SurveyResults, page: number) {
  const shown = r.schools.filter((s) => s.shown).sort((a, b) => firstMean(a) - firstMean(b));
  const hidden = r.schools.filter((s) => !s.shown);
  const p = pageOf([...shown, ...hidden], page, SCHOOLS_PER_PAGE, `survey results ${r.surveyId}`);
  return { rows: p.items.map((s) => ({ title: s.label, value: schoolLine(s) })), more: p.more, label: pageLabel(p) };
}

export function resultsView(r: SurveyResults, status: Survey['status'], page = 1): View {
  const g = r.overall;
  const schools = schoolRows(r, page);
  return {
    card: 'survey-results',
    data: {
      title: r.title,
      scope: r.scope === 'trust' ? 'Whole trust' : g.label,
      summary: `${rate(g)} responded${status === 'open' ? ' so far (the survey is still open)' : ''}.`,
      notice: g.shown ? '' : g.hiddenReason,
      questions: g.questions.map((q, i) => ({
        text: `Q${i + 1}. ${q.text}`,
        line:
          q.mean !== undefined
            ? `Mean ${q.mean.toFixed(1)} of 5 \u00b7 ${q.agreePercent}% agree \u00b7 ${plural(q.answers, 'answer')}`
            : q.type === 'text'
              ? plural(q.answers, 'comment')
              : plural(q.answers, 'answer'),
        facts: (q.distribution ?? []).map((d) => ({ title: d.answer, value: String(d.count) })),
        comments: (q.comments ?? []).slice(0, CARD_COMMENTS).map((c) => `\u201c${c}\u201d`),
        commentsNote: q.commentsHidden ?? ((q.comments?.length ?? 0) > CARD_COMMENTS ? `${q.comments!.length - CARD_COMMENTS} more in the export.` : ''),
      })),
      schools: schools.rows,
      schoolsHeading: `By school, weakest scores first${schools.label ? ` (${schools.label})` : ''}`,
      schoolsMore: schools.more,
      rules: `Scores are shown for groups of ${r.rules.minGroup} or more, comments for ${r.rules.minFreeText} or more; a school is also hidden when showing it would let a smaller group be worked out.`,
      exportHint: `survey export ${r.surveyId}${r.scope === 'trust' ? '' : ` ${r.scope}`}`,
    },
  };
}

/** Teams cards stop at about 28 KB: the card shows the start of a long CSV, the reply data keeps it all. */
const CARD_CSV_LIMIT = 12_000;

export function exportView(r: SurveyResults, csv: string): View {
  const filename = `${r.surveyId}-${r.scope}.csv`;
  const clipped = csv.length > CARD_CSV_LIMIT;
  return {
    card: 'survey-export',
    data: {
      title: `Export: ${r.title}`,
      intro: `${filename}: exactly what the results card shows, nothing hidden. Copy the text below into a .csv file.`,
      notice: clipped ? `The CSV is ${Math.round(csv.length / 1000)} KB: this card shows the first part. Export one school at a time to see it all here.` : '',
      text: clipped ? csv.slice(0, csv.lastIndexOf('\r\n', CARD_CSV_LIMIT)) : csv,
      filename,
      csv,
    },
  };
}
