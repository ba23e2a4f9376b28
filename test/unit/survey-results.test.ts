import { describe, expect, it } from 'vitest';
import type { Survey, SurveyResponse } from '../../src/domain/surveys';
import { csvCell, releaseSchools, resultsCsv, surveyResults, type GroupResult, type SurveyResults } from '../../src/domain/surveys-results';

const rules = { minGroup: 5, minFreeText: 10 };
const questions: Survey['questions'] = [
  { id: 'q1', type: 'likert', text: 'Workload is manageable' },
  { id: 'q2', type: 'choice', text: 'Best day', options: ['Mon', 'Fri'] },
  { id: 'q3', type: 'text', text: 'Anything else' },
];

function fixture(counts: Record<string, number>) {
  const survey = { id: 's1', title: 'Wellbeing', questions, invited: Object.fromEntries(Object.keys(counts).map((id) => [id, 30])) };
  const responses: SurveyResponse[] = Object.entries(counts).flatMap(([schoolId, n]) =>
    Array.from({ length: n }, (_, k) => ({ surveyId: 's1', schoolId, answers: { q1: 1 + ((k * 7 + schoolId.length) % 5), q2: k % 3 ? 'Mon' : 'Fri', q3: `${schoolId} says ${k}` } })),
  );
  const schools = Object.keys(counts).map((id) => ({ id, name: id.toUpperCase() }));
  return { survey, responses, schools };
}

/** What an attacker gets by subtracting every shown school from the trust total. */
function residual(r: SurveyResults): { responses: number; q1: number[] } {
  const shownSchools = r.schools.filter((s) => s.shown && !s.label.startsWith('Other schools'));
  const dist = (g: GroupResult) => g.questions.find((q) => q.id === 'q1')!.distribution!.map((d) => d.count);
  const total = dist(r.overall);
  return {
    responses: r.overall.responses - shownSchools.reduce((s, g) => s + g.responses, 0),
    q1: total.map((c, i) => c - shownSchools.reduce((s, g) => s + dist(g)[i]!, 0)),
  };
}

describe('releaseSchools', () => {
  it('shows every school when all are big enough', () => {
    expect(releaseSchools({ a: 5, b: 9 }, 5)).toEqual({ released: ['a', 'b'], withheld: [], protecting: [] });
  });

  it('hides the next smallest school too when exactly one is hidden (the subtraction attack)', () => {
    expect(releaseSchools({ a: 3, b: 6, c: 20 }, 5)).toEqual({ released: ['c'], withheld: ['a', 'b'], protecting: ['b'] });
  });

  it('needs no extra hiding when the hidden schools together reach the threshold', () => {
    expect(releaseSchools({ a: 3, b: 4, c: 20 }, 5)).toEqual({ released: ['c'], withheld: ['a', 'b'], protecting: [] });
  });

  it('keeps hiding until the hidden total is big enough, and ignores schools with no responses', () => {
    expect(releaseSchools({ a: 1, b: 1, c: 1, d: 0, e: 40 }, 5)).toEqual({ released: [], withheld: ['a', 'b', 'c', 'e'], protecting: ['e'] });
  });

  it('breaks ties between equal schools the same way every time', () => {
    expect(releaseSchools({ z: 2, m: 7, b: 7, x: 30 }, 5).protecting).toEqual(['b']);
  });
});

describe('surveyResults', () => {
  it('hides the whole trust below the group size, and says so', () => {
    const f = fixture({ a: 2, b: 2 });
    const r = surveyResults(f.survey, f.responses, rules, f.schools, 'trust');
    expect(r.overall.shown).toBe(false);
    expect(r.overall.hiddenReason).toContain('fewer than 5');
    expect(r.overall.questions).toEqual([]);
    expect(r.schools.every((s) => !s.shown && s.questions.length === 0)).toBe(true);
  });

  it('shows scores from 5 but comments only from 10', () => {
    const f = fixture({ a: 6 });
    const r = surveyResults(f.survey, f.responses, rules, f.schools, 'a');
    expect(r.overall.shown).toBe(true);
    const q1 = r.overall.questions.find((q) => q.id === 'q1')!;
    expect(q1.distribution!.reduce((s, d) => s + d.count, 0)).toBe(6);
    expect(q1.mean).toBeGreaterThanOrEqual(1);
    const q3 = r.overall.questions.find((q) => q.id === 'q3')!;
    expect(q3.comments).toBeUndefined();
    expect(q3.commentsHidden).toContain('10 or more');
    const ten = fixture({ a: 10 });
    const r10 = surveyResults(ten.survey, ten.responses, rules, ten.schools, 'a');
    expect(r10.overall.questions.find((q) => q.id === 'q3')!.comments).toHaveLength(10);
  });

  it('sorts comments so their order says nothing about who answered first', () => {
    const f = fixture({ a: 12 });
    const comments = surveyResults(f.survey, f.responses, rules, f.schools, 'a').overall.questions.find((q) => q.id === 'q3')!.comments!;
    expect(comments).toEqual([...comments].sort((x, y) => x.localeCompare(y)));
  });

  it('resists the subtraction attack: one small school hidden hides the next smallest too', () => {
    const f = fixture({ small: 2, mid: 6, big: 30 });
    const r = surveyResults(f.survey, f.responses, rules, f.schools, 'trust');
    const row = (label: string) => r.schools.find((s) => s.label === label)!;
    expect(row('SMALL').shown).toBe(false);
    expect(row('MID').shown).toBe(false);
    expect(row('MID').hiddenReason).toContain('cannot be worked out');
    expect(row('BIG').shown).toBe(true);
    // The attacker's residual is the two hidden schools together: 8 responses, not 2.
    expect(residual(r).responses).toBe(8);
    // Shown as one group, which is exactly what subtraction would give anyway.
    const other = r.schools.find((s) => s.label.startsWith('Other schools'))!;
    expect(other.responses).toBe(8);
    expect(other.shown).toBe(true);
    // The school views agree with the trust view: the protected school is hidden there too.
    expect(surveyResults(f.survey, f.responses, rules, f.schools, 'mid').overall.shown).toBe(false);
    expect(surveyResults(f.survey, f.responses, rules, f.schools, 'big').overall.shown).toBe(true);
  });

  it('never leaves a residual smaller than the threshold, across many trusts (scores and comments)', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let trial = 0; trial < 400; trial++) {
      const counts = Object.fromEntries(Array.from({ length: 1 + rand(8) }, (_, i) => [`s${i}`, rand(3) === 0 ? rand(5) : rand(25)]));
      const f = fixture(counts);
      const r = surveyResults(f.survey, f.responses, rules, f.schools, 'trust');
      if (!r.overall.shown) {
        expect(r.schools.some((s) => s.shown)).toBe(false);
        continue;
      }
      const res = residual(r);
      expect(res.responses === 0 || res.responses >= rules.minGroup, JSON.stringify(counts)).toBe(true);
      // Every shown group meets the threshold; comments only with 10 or more, and the comments left
      // over after subtracting shown schools' comments are none or 10 or more.
      for (const g of [r.overall, ...r.schools]) {
        if (g.shown) expect(g.responses).toBeGreaterThanOrEqual(rules.minGroup);
        if (g.questions.find((q) => q.id === 'q3')?.comments) expect(g.responses).toBeGreaterThanOrEqual(rules.minFreeText);
      }
      const withComments = r.schools.filter((s) => !s.label.startsWith('Other') && s.questions.find((q) => q.id === 'q3')?.comments);
      const left = r.overall.responses - withComments.reduce((s, g) => s + g.responses, 0);
      if (r.overall.questions.find((q) => q.id === 'q3')?.comments) expect(left === 0 || left >= rules.minFreeText, JSON.stringify(counts)).toBe(true);
    }
  });

  it('shows response rates against the invited counts, and schools with no responses yet', () => {
    const f = fixture({ a: 6, b: 0 });
    const r = surveyResults(f.survey, f.responses, rules, f.schools, 'trust');
    expect(r.overall.invited).toBe(60);
    expect(r.schools.find((s) => s.label === 'B')!.hiddenReason).toBe('No responses yet.');
  });

  it('honours a trust that chose larger groups', () => {
    const f = fixture({ a: 6 });
    expect(surveyResults(f.survey, f.responses, { minGroup: 8, minFreeText: 12 }, f.schools, 'a').overall.shown).toBe(false);
  });
});

describe('resultsCsv', () => {
  it('holds exactly what may be shown: hidden groups by count and reason only', () => {
    const f = fixture({ small: 2, mid: 6, big: 12 });
    const csv = resultsCsv(surveyResults(f.survey, f.responses, rules, f.schools, 'trust'));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('group,responses,invited,question_id,question,measure,value');
    expect(lines.filter((l) => l.startsWith('SMALL,'))).toEqual([`SMALL,2,30,,,hidden,Hidden: fewer than 5 responses.`]);
    expect(lines.filter((l) => l.startsWith('MID,'))).toHaveLength(1);
    // 20 comments in all may be shown trust-wide; BIG's own 12 may not, or the 8 from the two
    // smaller schools would be the trust's comments minus BIG's.
    expect(lines.filter((l) => l.startsWith('All schools,20,90,q3,Anything else,comment,'))).toHaveLength(20);
    expect(lines.filter((l) => l.startsWith('BIG,') && l.includes(',comment,'))).toEqual([]);
    expect(lines.find((l) => l.startsWith('BIG,12,30,q3,Anything else,comments,'))).toContain('cannot be worked out');
    expect(lines.some((l) => l.startsWith('All schools,20,90,q1,Workload is manageable,mean,'))).toBe(true);
  });

  it('quotes commas and quotes, and defuses spreadsheet formulas', () => {
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('plain')).toBe('plain');
  });
});
