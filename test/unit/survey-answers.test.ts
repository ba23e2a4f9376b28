import { describe, expect, it } from 'vitest';
import type { Person } from '../../src/domain/people';
import { AnonymityRulesSchema, type Survey } from '../../src/domain/surveys';
import { audienceSchoolOf, checkAnswers, hasAnswered, insertSorted, invitedCounts, responderHash } from '../../src/domain/surveys-answers';
import { findTemplate, parseQuestions, SURVEY_TEMPLATES } from '../../src/domain/surveys-templates';

const survey: Pick<Survey, 'questions' | 'audience'> = {
  questions: [
    { id: 'q1', type: 'likert', text: 'Workload' },
    { id: 'q2', type: 'choice', text: 'Day', options: ['Mon', 'Fri'] },
    { id: 'q3', type: 'text', text: 'Else' },
  ],
  audience: { schoolIds: ['beacon'], roles: ['staff', 'headteacher'] },
};

describe('checkAnswers', () => {
  it('takes card inputs as strings, drops blanks and trims text', () => {
    expect(checkAnswers(survey, { q1: '4', q2: 'Fri', q3: '  More planning time ' })).toEqual({ ok: true, answers: { q1: 4, q2: 'Fri', q3: 'More planning time' } });
    expect(checkAnswers(survey, { q1: 2, q2: '', q3: '   ' })).toEqual({ ok: true, answers: { q1: 2 } });
  });

  it.each([
    [{ q1: '6' }, 'choose 1 to 5'],
    [{ q1: '2.5' }, 'choose 1 to 5'],
    [{ q1: 'lots' }, 'choose 1 to 5'],
    [{ q2: 'Wed' }, 'choose one of: Mon, Fri'],
    [{ q9: '3' }, 'this survey has no question q9'],
    [{ q3: 'x'.repeat(4001) }, 'at most 4000 characters'],
    [{}, 'answer at least one question'],
    [{ q1: '', q3: '' }, 'answer at least one question'],
  ])('refuses %j', (raw, problem) => {
    const r = checkAnswers(survey, raw);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toContain(problem);
  });

  it('takes free text of exactly 4000 characters', () => {
    expect(checkAnswers(survey, { q3: 'x'.repeat(4000) }).ok).toBe(true);
  });
});

describe('responder hashes', () => {
  const key = Buffer.alloc(32, 7);
  it('differ by survey, person and key, and do not contain the person id', () => {
    const h = responderHash(key, 's1', 'jo');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).not.toBe(responderHash(key, 's2', 'jo'));
    expect(h).not.toBe(responderHash(key, 's1', 'ben'));
    expect(h).not.toBe(responderHash(Buffer.alloc(32, 8), 's1', 'jo'));
    expect(responderHash(key, 's1', 'jo')).toBe(h);
    // The separator keeps ("s1", "0jo") and ("s10", "jo") apart.
    expect(responderHash(key, 's1', '0jo')).not.toBe(responderHash(key, 's10', 'jo'));
  });

  it('are kept sorted and unique, whatever order people answer in', () => {
    const list: string[] = [];
    for (const v of ['d', 'a', 'c', 'b', 'a']) insertSorted(list, v);
    expect(list).toEqual(['a', 'b', 'c', 'd']);
    expect(hasAnswered(list, 'c')).toBe(true);
    expect(hasAnswered(list, 'e')).toBe(false);
    expect(hasAnswered(undefined, 'a')).toBe(false);
  });
});

describe('audience', () => {
  const p = (id: string, role: Person['roles'][number]['role'], schoolId?: string): Person => ({ id, name: id, email: `${id}@x.example`, roles: [{ role, schoolId }], networks: [] });
  const people = [p('jo', 'staff', 'beacon'), p('rachel', 'headteacher', 'beacon'), p('sam', 'headteacher', 'riverside'), p('tom', 'dosi')];

  it('is the staff of the chosen schools, and counts them per school', () => {
    expect(audienceSchoolOf(people[0]!, survey, ['beacon', 'riverside'])).toBe('beacon');
    expect(audienceSchoolOf(people[2]!, survey, ['beacon', 'riverside'])).toBeUndefined();
    expect(audienceSchoolOf(people[3]!, survey, ['beacon', 'riverside'])).toBeUndefined();
    expect(invitedCounts(people, survey, ['beacon', 'riverside'])).toEqual({ beacon: 2 });
    expect(invitedCounts(people, { audience: { schoolIds: [], roles: ['staff', 'headteacher'] } }, ['beacon', 'riverside', 'empty'])).toEqual({ beacon: 2, riverside: 1, empty: 0 });
  });
});

describe('anonymity settings', () => {
  it('can be raised by a trust but never set below 3', () => {
    expect(AnonymityRulesSchema.parse({})).toEqual({ minGroup: 5, minFreeText: 10 });
    expect(AnonymityRulesSchema.safeParse({ minGroup: 3, minFreeText: 3 }).success).toBe(true);
    expect(AnonymityRulesSchema.safeParse({ minGroup: 2 }).success).toBe(false);
    expect(AnonymityRulesSchema.safeParse({ minFreeText: 1 }).success).toBe(false);
  });
});

describe('templates and typed questions', () => {
  it('has staff wellbeing, a pulse and pupil voice, each a valid survey', () => {
    expect(SURVEY_TEMPLATES.map((t) => t.id)).toEqual(['wellbeing', 'pulse', 'pupil-voice']);
    expect(findTemplate('Pupil-Voice')?.kind).toBe('pupil-voice');
    expect(findTemplate('pupil voice')?.id).toBe('pupil-voice');
    expect(findTemplate('Staff wellbeing')?.id).toBe('wellbeing');
    expect(findTemplate('nope')).toBeUndefined();
  });

  it('reads one question per line', () => {
    const r = parseQuestions('likert: I feel valued\n\nchoice: How do you get to school? | Walk | Bus | Car\ntext: Anything else?\nMy views are listened to');
    expect(r).toEqual({
      ok: true,
      questions: [
        { id: 'q1', type: 'likert', text: 'I feel valued' },
        { id: 'q2', type: 'choice', text: 'How do you get to school?', options: ['Walk', 'Bus', 'Car'] },
        { id: 'q3', type: 'text', text: 'Anything else?' },
        { id: 'q4', type: 'likert', text: 'My views are listened to' },
      ],
    });
  });

  it('says which line is wrong', () => {
    expect(parseQuestions('likert: ok\nchoice: Only one | A')).toEqual({ ok: false, line: 2, problem: 'a choice question needs 2 to 10 options after |' });
    expect(parseQuestions('text:')).toEqual({ ok: false, line: 1, problem: 'the question is empty' });
    expect(parseQuestions('  ')).toMatchObject({ ok: false, problem: 'there are no questions' });
    expect(parseQuestions(Array.from({ length: 31 }, (_, i) => `Q${i}`).join('\n'))).toMatchObject({ ok: false, problem: 'a survey has at most 30 questions' });
  });
});
