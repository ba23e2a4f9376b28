import { describe, expect, it } from 'vitest';
import { cardProblems } from '../../src/cards/validate';
import { responseRates, shortLabel, textBar, topN } from '../../src/domain/digest';

describe('survey response rates in digests', () => {
  it('shows a school only from 5 responses, and the overall rate only from 5', () => {
    // c and d (3 between them) are too few; b is held back too, so the hidden schools add up to 8.
    const r = responseRates({ a: 6, b: 5, c: 2, d: 1 }, { a: 24, b: 10, c: 20, d: 30 }, 5);
    expect(r.overall).toBe(Math.round((100 * 14) / 84));
    expect(r.schools).toEqual([
      { schoolId: 'a', rate: 25 },
      { schoolId: 'b', rate: undefined },
      { schoolId: 'c', rate: undefined },
      { schoolId: 'd', rate: undefined },
    ]);
    expect(r.hidden).toBe(3);
    expect(responseRates({ a: 4 }, { a: 10, b: 10 }, 5).overall).toBeUndefined();
  });

  it('holds back a second school when only one would be hidden, so subtraction cannot find it', () => {
    // Overall 9/40 and A's 6/20 shown would give B = 3 responses away.
    const r = responseRates({ a: 6, b: 3, c: 8 }, { a: 20, b: 20, c: 10 }, 5);
    expect(r.schools.find((s) => s.schoolId === 'b')!.rate).toBeUndefined();
    expect(r.schools.find((s) => s.schoolId === 'a')!.rate).toBeUndefined(); // the smallest shown goes too
    expect(r.schools.find((s) => s.schoolId === 'c')!.rate).toBe(80);
    expect(r.hidden).toBe(2);
  });

  it('ignores schools nobody was invited from', () => {
    expect(responseRates({ a: 5 }, { a: 10, b: 0 }, 5).schools).toEqual([{ schoolId: 'a', rate: 50 }]);
  });
});

describe('long lists and text bars', () => {
  it('says how many more there are', () => {
    expect(topN([1, 2, 3, 4], 3, 'more schools')).toEqual({ shown: [1, 2, 3], more: 'and 1 more schools' });
    expect(topN([1], 3).more).toBe('');
  });

  it('draws bars relative to the largest, never an invisible one for a non-zero value', () => {
    expect(textBar(8, 8, 8)).toBe('████████ 8');
    expect(textBar(1, 100, 8)).toBe('█ 1');
    expect(textBar(0, 5)).toBe('0');
    expect(shortLabel('Beacon Primary')).toBe('Beacon Primary');
    expect(shortLabel("St Mary's Church of England Primary School", 20)).toBe("St Mary's Church of…");
  });
});

describe('card validation of Teams charts', () => {
  const card = (chart: Record<string, unknown>) => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x' }, chart] });
  const fallback = { type: 'FactSet', facts: [{ title: 'RED', value: '██ 2' }] };

  it('accepts a known chart that carries data and a valid fallback', () => {
    expect(cardProblems(card({ type: 'Chart.Donut', data: [{ legend: 'RED', value: 2 }], fallback }))).toEqual([]);
    expect(cardProblems(card({ type: 'Chart.VerticalBar', data: [{ x: 'A', y: 2 }], fallback }))).toEqual([]);
  });

  it('reports a chart with no fallback, a "drop" fallback, or no data', () => {
    expect(cardProblems(card({ type: 'Chart.Donut', data: [{ legend: 'RED', value: 2 }] }))).toEqual(['Chart.Donut needs a fallback element for hosts that cannot draw charts']);
    expect(cardProblems(card({ type: 'Chart.Pie', data: [{ legend: 'RED', value: 2 }], fallback: 'drop' }))).toHaveLength(1);
    expect(cardProblems(card({ type: 'Chart.VerticalBar', data: [], fallback }))).toEqual(['Chart.VerticalBar has no data']);
  });

  it('checks the fallback itself, and still reports types that are not Teams charts', () => {
    const bad = cardProblems(card({ type: 'Chart.Donut', data: [{ legend: 'RED', value: 2 }], fallback: { type: 'Chart.Sparkle' } }));
    expect(bad.join('\n')).toContain('Chart.Donut fallback: Unknown element type "Chart.Sparkle"');
    expect(cardProblems(card({ type: 'Chart.Sparkle', data: [1], fallback }))[0]).toContain('Unknown element type "Chart.Sparkle"');
  });
  it("hides a school whose count, taken from the total, would give away another school's small group", () => {
    // The demo trust: Beacon 6, Riverside 2, five schools with none. Showing Beacon's 6 of 8 reveals Riverside's 2.
    const r = responseRates({ beacon: 6, riverside: 2 }, { beacon: 24, riverside: 61, hillcrest: 18, oakfield: 55, stm: 20, meadow: 30, north: 16 }, 5);
    expect(r.overall).toBe(4);
    expect(r.schools.filter((s) => s.rate !== undefined)).toEqual([]);
  });
});
