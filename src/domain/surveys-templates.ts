// Ready-made surveys, and reading the questions someone typed into the "new survey" form.
import { QuestionSchema, type Question, type Survey } from './surveys';

export interface SurveyTemplate {
  id: string;
  title: string;
  kind: Survey['kind'];
  summary: string;
  questions: Question[];
}

export const SURVEY_TEMPLATES: readonly SurveyTemplate[] = [
  {
    id: 'wellbeing',
    title: 'Staff wellbeing',
    kind: 'staff',
    summary: 'Workload, support, recognition and pride: five statements and one comment',
    questions: [
      { id: 'q1', type: 'likert', text: 'I feel my workload is manageable' },
      { id: 'q2', type: 'likert', text: 'I feel supported by my line manager' },
      { id: 'q3', type: 'likert', text: 'I feel my work is valued and recognised' },
      { id: 'q4', type: 'likert', text: 'Staff wellbeing is taken seriously at my school' },
      { id: 'q5', type: 'likert', text: 'I would recommend my school as a place to work' },
      { id: 'q6', type: 'text', text: 'One thing that would make the biggest difference to you' },
    ],
  },
  {
    id: 'pulse',
    title: 'Staff pulse',
    kind: 'staff',
    summary: 'One statement, answered with one tap',
    questions: [{ id: 'q1', type: 'likert', text: 'I feel my workload is manageable this half term' }],
  },
  {
    id: 'pupil-voice',
    title: 'Pupil voice',
    kind: 'pupil-voice',
    summary: 'Feeling safe, learning, being listened to: for a class or school council to answer',
    questions: [
      { id: 'q1', type: 'likert', text: 'I feel safe at school' },
      { id: 'q2', type: 'likert', text: 'My lessons help me learn' },
      { id: 'q3', type: 'likert', text: 'Adults at school listen to me' },
      { id: 'q4', type: 'choice', text: 'Which would you most like more of?', options: ['Clubs after school', 'Trips and visits', 'Time outside', 'Reading time'] },
      { id: 'q5', type: 'text', text: 'One thing that would make school better' },
    ],
  },
];

/** A template by id, as typed: "wellbeing", "staff wellbeing", "Pupil Voice", "pupil-voice". */
export function findTemplate(typed: string): SurveyTemplate | undefined {
  const id = typed.trim().toLowerCase().replace(/[\s_]+/g, '-').replace(/^staff-(?=wellbeing|pulse)/, '');
  return SURVEY_TEMPLATES.find((t) => t.id === id);
}

export type ParsedQuestions = { ok: true; questions: Question[] } | { ok: false; line: number; problem: string };

/**
 * Reads one question per line, as typed into the form:
 *   likert: I feel valued
 *   choice: How do you get to school? | Walk | Bus | Car
 *   text: Anything else?
 * A line with no type is a Likert statement, the commonest kind.
 */
export function parseQuestions(text: string): ParsedQuestions {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (!lines.length) return { ok: false, line: 0, problem: 'there are no questions' };
  if (lines.length > 30) return { ok: false, line: 31, problem: 'a survey has at most 30 questions' };
  const questions: Question[] = [];
  for (const [i, line] of lines.entries()) {
    const m = /^(likert|choice|text)\s*:\s*(.*)$/i.exec(line);
    const type = (m?.[1]?.toLowerCase() ?? 'likert') as Question['type'];
    const body = m ? m[2]! : line;
    const [q = '', ...options] = body.split('|').map((s) => s.trim());
    const candidate = type === 'choice' ? { id: `q${i + 1}`, type, text: q, options: options.filter(Boolean) } : { id: `q${i + 1}`, type, text: q };
    const parsed = QuestionSchema.safeParse(candidate);
    if (!parsed.success || q.length > 300) {
      const problem = !q ? 'the question is empty' : type === 'choice' ? 'a choice question needs 2 to 10 options after |' : 'the question is longer than 300 characters';
      return { ok: false, line: i + 1, problem };
    }
    questions.push(parsed.data);
  }
  return { ok: true, questions };
}
