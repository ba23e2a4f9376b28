// Forum audiences and reminder timing, on the demo people and a carter-4 trust.
import { describe, expect, it } from 'vitest';
import { CARTER_4, RAG_5 } from '../../src/domain/categories';
import { typicalCalendar } from '../../src/domain/calendar-presets';
import { expectedPeople, resolveAudiences } from '../../src/domain/forums-audience';
import { nudgeDue, reminderDue } from '../../src/domain/forums-rules';
import type { School } from '../../src/domain/schools';
import { DEMO_PEOPLE, DEMO_SCHOOLS } from '../../src/seed/demo-people';

const schools: School[] = DEMO_SCHOOLS.map((s) => ({ id: s.id, urn: s.urn, name: s.name, phase: s.phase, categoryId: s.categoryId, urgentAction: false, ofsted: [] }));
const trust = { people: DEMO_PEOPLE, schools, framework: RAG_5 };
const ids = (words: string[], t = trust) => {
  const r = resolveAudiences(t, words);
  if (!r.ok) throw new Error(r.problem);
  return r.people.map((p) => p.id).sort();
};

describe('forum audiences', () => {
  it('resolves networks by their everyday names', () => {
    expect(ids(['sendcos'])).toEqual(['femi', 'jo', 'lucy']);
    expect(ids(['send'])).toEqual(ids(['SENDCO']));
    expect(ids(['dsl'])).toEqual(['ben']);
    expect(ids(['eyfs,y6'])).toEqual(['chloe', 'ella']);
  });

  it("resolves a category to its schools' headteachers, by id, label or with category:", () => {
    expect(ids(['amber'])).toEqual(['david', 'rachel']);
    expect(ids(['category:RED'])).toEqual(['fatima']);
    const carter = { ...trust, schools: schools.map((s) => ({ ...s, categoryId: s.id === 'hillcrest' ? 'repair' : 'sustain' })), framework: CARTER_4 };
    expect(ids(['repair'], carter)).toEqual(['priya']);
  });

  it('resolves everyone at a school by id or name', () => {
    expect(ids(['all-staff:riverside-academy'])).toEqual(['femi', 'hannah', 'sam']);
    expect(ids(['all-staff:st-marys'])).toEqual(['grace']);
    expect(ids(['headteachers'])).toHaveLength(7);
  });

  it('says which word it does not know', () => {
    expect(resolveAudiences(trust, ['headteachers', 'parents'])).toEqual({ ok: false, problem: 'I don\'t know the audience "parents".' });
    expect(resolveAudiences(trust, ['all-staff:atlantis'])).toMatchObject({ ok: false, problem: 'No school matches "atlantis".' });
  });

  it('expects the headteachers of schools in the expected categories', () => {
    expect(expectedPeople(trust, { expectedCategories: ['amber', 'red'] }).map((p) => p.id).sort()).toEqual(['david', 'fatima', 'rachel']);
  });
});

describe('forum reminder timing', () => {
  const cal = typicalCalendar(2026);
  const inv = { personId: 'x', invitedAt: '2026-11-01T09:00:00Z', expected: false };
  it('nudges two or three school days ahead, and reminds the school day before (Friday for Monday)', () => {
    expect(nudgeDue(cal, inv, '2026-11-24', '2026-11-30')).toBe(false);
    expect(nudgeDue(cal, inv, '2026-11-25', '2026-11-30')).toBe(true);
    expect(nudgeDue(cal, { ...inv, rsvp: 'accepted' }, '2026-11-25', '2026-11-30')).toBe(false);
    expect(reminderDue(cal, inv, '2026-11-27', '2026-11-30')).toBe(true);
    expect(reminderDue(cal, { ...inv, rsvp: 'declined' }, '2026-11-27', '2026-11-30')).toBe(false);
    expect(reminderDue(cal, inv, '2026-11-30', '2026-11-30')).toBe(false);
  });
});
