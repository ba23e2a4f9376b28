// Answering a survey: who may answer, what a valid answer is, and the keyed hash that lets a person
// answer once without the store ever saying who answered.
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { Person } from './people';
import type { Question, Survey, SurveyResponse } from './surveys';

export const MAX_FREE_TEXT = 4000;

/** Adaptive Card inputs arrive as strings, and an untouched input as ''. Both mean "no answer". */
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

function answerSchema(q: Question): z.ZodType<number | string | undefined> {
  switch (q.type) {
    case 'likert':
      return z.preprocess(blankToUndefined, z.coerce.number({ message: 'choose 1 to 5' }).int().min(1, 'choose 1 to 5').max(5, 'choose 1 to 5').optional());
    case 'choice':
      return z.preprocess(blankToUndefined, z.enum(q.options as [string, ...string[]], { message: `choose one of: ${q.options.join(', ')}` }).optional());
    case 'text':
      return z.preprocess(
        (v) => (typeof v === 'string' ? blankToUndefined(v.trim()) : v),
        z.string().max(MAX_FREE_TEXT, `at most ${MAX_FREE_TEXT} characters`).optional(),
      );
  }
}

/** The zod schema of one survey's answers: its question ids only, each checked against its type. */
export function answersSchema(questions: readonly Question[]) {
  const shape = Object.fromEntries(questions.map((q) => [q.id, answerSchema(q)]));
  return z
    .strictObject(shape)
    .transform((a) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as SurveyResponse['answers'])
    .refine((a) => Object.keys(a).length > 0, { message: 'answer at least one question' });
}

export type CheckedAnswers = { ok: true; answers: SurveyResponse['answers'] } | { ok: false; problem: string };

/** Checks raw answers (card inputs, button data) against the survey's own questions. */
export function checkAnswers(survey: Pick<Survey, 'questions'>, raw: Record<string, unknown>): CheckedAnswers {
  const r = answersSchema(survey.questions).safeParse(raw);
  if (r.success) return { ok: true, answers: r.data };
  const issue = r.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') return { ok: false, problem: `this survey has no question ${issue.keys.join(', ')}` };
  const q = survey.questions.find((x) => x.id === issue.path[0]);
  return { ok: false, problem: q ? `"${q.text}": ${issue.message}` : issue.message };
}

/**
 * The responder hash: HMAC-SHA256 of (survey id, person id) under the survey key. Without the key
 * (kept outside the data) the hashes cannot be matched to people, and differ between surveys.
 */
export function responderHash(key: Buffer, surveyId: string, personId: string): string {
  return createHmac('sha256', key).update(`${surveyId}\u0000${personId}`).digest('hex');
}

/** Where `value` is, or would go, in a sorted list. */
function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inserts into a sorted list, so the list's order says nothing about who answered first. */
export function insertSorted(list: string[], value: string): boolean {
  const at = lowerBound(list, value);
  if (list[at] === value) return false;
  list.splice(at, 0, value);
  return true;
}

export function hasAnswered(sorted: readonly string[] | undefined, hash: string): boolean {
  return !!sorted && sorted[lowerBound(sorted, hash)] === hash;
}

/** Schools the survey goes to: the listed ones, or every school of the trust when none are listed. */
export function audienceSchools(survey: Pick<Survey, 'audience'>, allSchoolIds: readonly string[]): string[] {
  return survey.audience.schoolIds.length ? survey.audience.schoolIds.filter((id) => allSchoolIds.includes(id)) : [...allSchoolIds];
}

/** The school a person answers for, when they are in the survey's audience. */
export function audienceSchoolOf(person: Person, survey: Pick<Survey, 'audience'>, allSchoolIds: readonly string[]): string | undefined {
  const schools = audienceSchools(survey, allSchoolIds);
  return person.roles.find((g) => g.schoolId && schools.includes(g.schoolId) && survey.audience.roles.includes(g.role))?.schoolId;
}

/** How many people are invited at each school: the denominators of response rates. */
export function invitedCounts(people: readonly Person[], survey: Pick<Survey, 'audience'>, allSchoolIds: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(audienceSchools(survey, allSchoolIds).map((id) => [id, 0]));
  for (const p of people) {
    const school = audienceSchoolOf(p, survey, allSchoolIds);
    if (school) counts[school] = (counts[school] ?? 0) + 1;
  }
  return counts;
}
