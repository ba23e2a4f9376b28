import { describe, expect, it } from 'vitest';
import { CARTER_4, RAG_5, type CategoryChange, type RiskAnswers } from '../../src/domain';
import { criterionOf, proposeCategory } from '../../src/domain/risk-proposal';
import { decisionNeedsCeo, matchSchools, placementLabel, trendOf } from '../../src/domain/risk-rules';

const calm: RiskAnswers = { criteriaMet: [], attendance: 95, nationalAttendance: 94, safeguardingConcerns: false, leadershipChange: false, notes: '' };
const ans = (over: Partial<RiskAnswers>): RiskAnswers => ({ ...calm, ...over });

describe('proposeCategory (rag-5)', () => {
  it('takes the worst category among the criteria picked, and says which', () => {
    const p = proposeCategory(RAG_5, ans({ criteriaMet: ['green#0', 'amber#1', 'yellow#0'] }), 'green');
    expect(p).toMatchObject({ categoryId: 'amber', urgentAction: false });
    expect(p.reasons[0]).toContain('1 AMBER criterion (Emerging trend of declining performance');
  });

  it('with nothing picked, starts from the current category (or the best for a new school)', () => {
    expect(proposeCategory(RAG_5, calm, 'yellow').categoryId).toBe('yellow');
    expect(proposeCategory(RAG_5, calm, undefined).categoryId).toBe('green');
    // Picking only GREEN criteria can bring a school up: it is the school's view, the meeting moderates it.
    expect(proposeCategory(RAG_5, ans({ criteriaMet: ['green#1'] }), 'amber').categoryId).toBe('green');
  });

  it('Ofsted inadequate, urgent improvement or safeguarding not met go to the worst category', () => {
    expect(proposeCategory(RAG_5, ans({ ofsted: { scheme: 'legacy', date: '2024-05-08', overall: 'inadequate' } }), 'green').categoryId).toBe('red');
    const uiGrade = proposeCategory(RAG_5, ans({ ofsted: { scheme: 'report-card', date: '2026-02-04', grades: { achievement: 'urgent-improvement' }, safeguardingMet: true } }), 'green');
    expect(uiGrade.categoryId).toBe('red');
    expect(uiGrade.reasons.join(' ')).toContain('urgent improvement');
    const sg = proposeCategory(RAG_5, ans({ ofsted: { scheme: 'report-card', date: '2026-02-04', grades: { inclusion: 'strong' }, safeguardingMet: false } }), 'green');
    expect(sg.categoryId).toBe('red');
    expect(sg.reasons.join(' ')).toContain('safeguarding not met');
  });

  it('requires improvement, needs attention or a leadership change give at least the second category', () => {
    expect(proposeCategory(RAG_5, ans({ ofsted: { scheme: 'legacy', date: '2023-03-15', overall: 'requires-improvement' } }), 'green').categoryId).toBe('yellow');
    expect(proposeCategory(RAG_5, ans({ ofsted: { scheme: 'report-card', date: '2026-02-04', grades: { inclusion: 'needs-attention' }, safeguardingMet: true } }), 'green').categoryId).toBe('yellow');
    expect(proposeCategory(RAG_5, ans({ leadershipChange: true }), 'green').categoryId).toBe('yellow');
    // Never better than where the criteria put it.
    expect(proposeCategory(RAG_5, ans({ leadershipChange: true, criteriaMet: ['amber#0'] }), 'green').categoryId).toBe('amber');
  });

  it('attendance 3 points or more below national pushes one category down, but never alone into the worst', () => {
    expect(proposeCategory(RAG_5, ans({ attendance: 91, nationalAttendance: 94 }), 'green').categoryId).toBe('yellow');
    expect(proposeCategory(RAG_5, ans({ attendance: 91.1, nationalAttendance: 94 }), 'green').categoryId).toBe('green');
    const p = proposeCategory(RAG_5, ans({ attendance: 85, nationalAttendance: 94, criteriaMet: ['amber#0'] }), 'amber');
    expect(p.categoryId).toBe('amber');
    expect(p.reasons.join(' ')).not.toContain('Attendance');
  });

  it('safeguarding concerns or an URGENT ACTION criterion put the overlay on, keeping the category', () => {
    const p = proposeCategory(RAG_5, ans({ safeguardingConcerns: true }), 'green');
    expect(p).toMatchObject({ categoryId: 'green', urgentAction: true });
    expect(p.reasons.at(-1)).toBe('Safeguarding concerns reported → URGENT ACTION');
    expect(proposeCategory(RAG_5, ans({ criteriaMet: ['urgent-action#0'] }), 'yellow')).toMatchObject({ categoryId: 'yellow', urgentAction: true });
  });
});

describe('proposeCategory (carter-4)', () => {
  it('reads the framework, not the names: worst is Stabilise, second is Improve', () => {
    expect(proposeCategory(CARTER_4, ans({ criteriaMet: ['repair#3'] }), 'sustain').categoryId).toBe('repair');
    expect(proposeCategory(CARTER_4, ans({ ofsted: { scheme: 'legacy', date: '2024-05-08', overall: 'inadequate' } }), 'sustain').categoryId).toBe('stabilise');
    expect(proposeCategory(CARTER_4, ans({ leadershipChange: true }), 'sustain').categoryId).toBe('improve');
    expect(proposeCategory(CARTER_4, ans({ attendance: 88, nationalAttendance: 94 }), 'improve').categoryId).toBe('repair');
  });

  it('with no overlay, safeguarding concerns mean the worst category', () => {
    const p = proposeCategory(CARTER_4, ans({ safeguardingConcerns: true }), 'sustain');
    expect(p).toMatchObject({ categoryId: 'stabilise', urgentAction: false });
    expect(p.reasons.at(-1)).toBe('Safeguarding concerns reported → Stabilise');
  });

  it('ignores criterion keys of another framework', () => {
    expect(criterionOf(CARTER_4, 'amber#0')).toBeUndefined();
    expect(proposeCategory(CARTER_4, ans({ criteriaMet: ['amber#0'] }), 'improve').categoryId).toBe('improve');
  });
});

describe('decisionNeedsCeo', () => {
  it('a move into the worst category or onto the overlay needs the CEO; confirming it does not', () => {
    expect(decisionNeedsCeo(RAG_5, { categoryId: 'amber', urgentAction: false }, { categoryId: 'red', urgentAction: false })).toBe(true);
    expect(decisionNeedsCeo(RAG_5, { categoryId: 'red', urgentAction: false }, { categoryId: 'red', urgentAction: false })).toBe(false);
    expect(decisionNeedsCeo(RAG_5, { categoryId: 'green', urgentAction: false }, { categoryId: 'green', urgentAction: true })).toBe(true);
    expect(decisionNeedsCeo(RAG_5, { categoryId: 'green', urgentAction: true }, { categoryId: 'yellow', urgentAction: true })).toBe(false);
    expect(decisionNeedsCeo(RAG_5, { categoryId: 'red', urgentAction: false }, { categoryId: 'amber', urgentAction: false })).toBe(false);
    expect(decisionNeedsCeo(CARTER_4, { categoryId: 'repair', urgentAction: false }, { categoryId: 'stabilise', urgentAction: false })).toBe(true);
    expect(decisionNeedsCeo(CARTER_4, { categoryId: 'improve', urgentAction: false }, { categoryId: 'repair', urgentAction: true })).toBe(false);
  });
});

describe('labels, trends and finding schools', () => {
  it('labels each framework as its trust writes it', () => {
    expect(placementLabel(RAG_5, 'red', true)).toBe('🔴 RED + ❗ URGENT ACTION');
    expect(placementLabel(CARTER_4, 'repair', true)).toBe('🟠 Repair (C)');
    expect(placementLabel(CARTER_4, 'stabilise')).toBe('🔴 Stabilise (D)');
    expect(placementLabel(RAG_5, 'yellow')).toBe('🟡 YELLOW');
    expect(placementLabel(RAG_5, undefined)).toBe('not placed');
  });

  it('shows the last three placements, confirmations included', () => {
    const c = (to: string, urgentAction = false): CategoryChange => ({ id: to, schoolId: 's', to, urgentAction, at: '2026-01-01T00:00:00Z', byId: 'tom', rationale: 'r', evidence: [] });
    expect(trendOf(RAG_5, [c('green'), c('yellow'), c('amber'), c('amber', true)], 's')).toBe('🟡 YELLOW → 🟠 AMBER → 🟠 AMBER + ❗ URGENT ACTION');
    expect(trendOf(RAG_5, [], 's')).toBe('no history');
  });

  it('matches a school by URN, id, name words, ignoring case and apostrophes', () => {
    const schools = [
      { id: 'beacon', urn: '140001', name: 'Beacon Primary' },
      { id: 'st-marys', urn: '140005', name: "St Mary's Church of England Primary School and Nursery" },
      { id: 'beacon-2', urn: '140099', name: 'Beacon Hill Academy' },
    ];
    expect(matchSchools(schools, '140005').map((s) => s.id)).toEqual(['st-marys']);
    expect(matchSchools(schools, 'st marys').map((s) => s.id)).toEqual(['st-marys']);
    expect(matchSchools(schools, 'BEACON prim').map((s) => s.id)).toEqual(['beacon']);
    expect(matchSchools(schools, 'beacon').map((s) => s.id)).toEqual(['beacon']);
    expect(matchSchools(schools, 'beac').map((s) => s.id)).toEqual(['beacon', 'beacon-2']);
    expect(matchSchools(schools, 'nowhere')).toEqual([]);
  });
});
