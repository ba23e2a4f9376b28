// Answering a survey, once, anonymously; and the list of surveys a person can answer or manage.
// Order matters for a crash: the answer is appended first, then the responder hash committed. A
// crash between the two keeps the acknowledged answer (at worst the person could answer again);
// the other order could lose an answer the person was told was in.
import { z } from 'zod';
import { seesWholeTrust, schoolsOf } from '../../../domain/people';
import { audienceSchoolOf, checkAnswers, hasAnswered, insertSorted, responderHash } from '../../../domain/surveys-answers';
import type { Store } from '../../../store/store';
import { outcome, reply, type Context, type Outcome, type Request, type View } from '../../command';
import { AppError, badInput, notAllowed } from '../../errors';
import { defineAction, type TextCommand } from '../../registry';
import { formatDate } from '../../views/format';
import { findSurvey, isExec } from './access';
import { surveyFormView } from './views';

/** Hashes being answered right now, per store: a double tap waits for nothing and changes nothing. */
const answering = new WeakMap<Store, Set<string>>();

const Answer = z.looseObject({ surveyId: z.string().min(1).max(100) });

async function answer(ctx: Context, { person, data }: Request, input: z.infer<typeof Answer>): Promise<Outcome> {
  const survey = findSurvey(data, input.surveyId);
  const minGroup = data.trust?.settings.anonymity.minGroup ?? 5;
  if (survey.status !== 'open') {
    throw new AppError('ALREADY_DONE', `"${survey.title}" is ${survey.status === 'draft' ? 'not open yet' : 'closed'}: answers are not being taken.`, 'Nothing was saved.');
  }
  const schoolId = audienceSchoolOf(person, survey, data.schools.map((s) => s.id));
  if (!schoolId) {
    const to = survey.audience.schoolIds.map((id) => data.schools.find((s) => s.id === id)?.name ?? id).join(', ') || 'every school';
    throw notAllowed(`"${survey.title}" is not for you: it was sent to the staff of ${to}.`, 'Type survey to see the surveys you can answer.');
  }
  const hash = responderHash(ctx.surveyKey, survey.id, person.id);
  const busy = answering.get(ctx.store) ?? new Set<string>();
  answering.set(ctx.store, busy);
  const already = () => shown(surveyFormView(survey, { answered: true, notice: 'You have already answered this survey: nothing was changed.' }));
  if (busy.has(hash) || hasAnswered(data.surveyResponders[survey.id], hash)) return already();
  const { surveyId: _id, ...raw } = input;
  const checked = checkAnswers(survey, raw);
  if (!checked.ok) throw badInput(`Your answers could not be used: ${checked.problem}. Nothing was saved.`, 'Type survey to get a fresh card.');

  busy.add(hash);
  try {
    // The answers and the mark that this person has answered commit together (checked on the latest
    // data, so a second instance cannot take a second answer). No person, no time: only the survey,
    // the school and the answers.
    const fresh = await ctx.store.transact((d, logs) => {
      if (hasAnswered(d.surveyResponders[survey.id], hash)) return false;
      logs.append('surveyResponses', { surveyId: survey.id, schoolId, answers: checked.answers });
      insertSorted((d.surveyResponders[survey.id] ??= []), hash);
      return true;
    });
    if (!fresh) return already();
  } finally {
    busy.delete(hash);
  }
  return shown(surveyFormView(survey, { answered: true, minGroup }));
}

/** The answered card replaces the one tapped: in a channel, Teams shows it to the person who tapped only. */
const shown = (v: View): Outcome => reply(v.card, v.data, true);

/** Years of surveys would make a long card: the open ones, drafts, then the latest closed. */
const MAX_LISTED = 15;

function listSurveys(ctx: Context, { person, data }: Request): Outcome {
  const all = data.schools.map((s) => s.id);
  const minGroup = data.trust?.settings.anonymity.minGroup ?? 5;
  const mine = data.surveys.filter((s) => s.status === 'open' && audienceSchoolOf(person, s, all));
  const answered = (id: string) => hasAnswered(data.surveyResponders[id], responderHash(ctx.surveyKey, id, person.id));
  const ownSchools = schoolsOf(person, 'headteacher');
  const order = { open: 0, draft: 1, closed: 2 } as const;
  const managed = data.surveys
    .filter((s) => isExec(person) || seesWholeTrust(person) || s.createdById === person.id || ownSchools.some((id) => id in s.invited))
    .sort((a, b) => order[a.status] - order[b.status] || (b.openedAt ?? '').localeCompare(a.openedAt ?? ''))
    .slice(0, MAX_LISTED);
  const items = [
    ...mine.map((s) => ({
      title: `${answered(s.id) ? 'Answered' : 'To answer'}: ${s.title}`,
      detail: answered(s.id) ? 'Thank you. Your answer is in.' : `Open${s.closesOn ? ` until ${formatDate(s.closesOn)}` : ''}. The card is below.`,
    })),
    ...managed
      .filter((s) => !mine.includes(s))
      .map((s) => ({
        title: `${s.status === 'draft' ? 'Draft' : s.status === 'open' ? 'Open' : 'Closed'}: ${s.title}`,
        detail: s.status === 'draft' ? `survey open ${s.id}` : `survey results ${s.id}${s.status === 'open' ? ` \u00b7 survey close ${s.id}` : ''}`,
      })),
  ];
  const toAnswer: View[] = mine.filter((s) => !answered(s.id)).slice(0, 3).map((s) => surveyFormView(s, { minGroup }));
  return outcome([
    { card: 'list', data: { title: 'Surveys', intro: '', empty: 'There are no surveys for you to answer or manage just now.', items } },
    ...toAnswer,
  ]);
}

export const answerCommands: TextCommand[] = [
  { key: 'survey.list', words: ['survey'], usage: 'survey', summary: 'Surveys you can answer, and the ones you manage', run: listSurveys },
];

export const answerActions = [defineAction({ verb: 'survey.answer', schema: Answer, run: answer })];
