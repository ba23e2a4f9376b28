// Staff surveys and pupil voice. Answers are stored with no identity; who answered is a keyed hash kept apart.
import { z } from 'zod';

export const QuestionSchema = z.discriminatedUnion('type', [
  z.object({ id: z.string().min(1), type: z.literal('likert'), text: z.string().min(1) }),
  z.object({ id: z.string().min(1), type: z.literal('choice'), text: z.string().min(1), options: z.array(z.string().min(1)).min(2).max(10) }),
  z.object({ id: z.string().min(1), type: z.literal('text'), text: z.string().min(1) }),
]);
export type Question = z.infer<typeof QuestionSchema>;

export const LIKERT = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'] as const;

export const AnonymityRulesSchema = z.object({
  /** Smallest group whose scores are shown. */
  minGroup: z.number().int().min(3).default(5),
  /** Smallest group whose free-text comments are shown. */
  minFreeText: z.number().int().min(3).default(10),
});
export type AnonymityRules = z.infer<typeof AnonymityRulesSchema>;

export const SurveySchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1).max(200),
  kind: z.enum(['staff', 'pupil-voice']),
  questions: z.array(QuestionSchema).min(1).max(30),
  /** Who is asked: staff of these schools (all if empty), or named roles. */
  audience: z.object({ schoolIds: z.array(z.string()).default([]), roles: z.array(z.string()).default(['staff']) }),
  status: z.enum(['draft', 'open', 'closed']),
  createdById: z.string().min(1),
  openedAt: z.iso.datetime({ offset: true }).optional(),
  closesOn: z.iso.date().optional(),
  /** How many people were invited, per school: the denominator of response rates. */
  invited: z.record(z.string(), z.number().int().min(0)).default({}),
});
export type Survey = z.infer<typeof SurveySchema>;

/** One response. No person, no timestamp finer than the day: nothing that points back to who gave it. */
export const SurveyResponseSchema = z.object({
  surveyId: z.string().min(1),
  schoolId: z.string().min(1),
  answers: z.record(z.string(), z.union([z.number().int().min(1).max(5), z.string().max(4000)])),
});
export type SurveyResponse = z.infer<typeof SurveyResponseSchema>;
