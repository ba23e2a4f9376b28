// The calendar's answers at their edges, each one a date a trust's deadlines or reminders turn on:
// which days staff work (INSET yes; weekends, bank holidays and holidays no), the last school day
// of the year, the academic year of a summer date, and the term dates a trust may import (refused
// when half terms overlap or run backwards). Written to kill the mutants of src/domain/calendar.ts
// that survived the other tests (test/mutation-survivors.md).
import { describe, expect, it } from 'vitest';
import { AcademicCalendarSchema, academicYearOf, addDays, isWorkingDay, nextSchoolDay, previousHalfTerms, type AcademicCalendar } from '../../src/domain/calendar';
import { HALF_TERMS_2026 } from './calendar-fixture';

const input = (over: Record<string, unknown> = {}) => ({
  year: '2026-27',
  halfTerms: HALF_TERMS_2026.map((h) => ({ ...h })),
  insetDays: ['2026-09-02', '2026-11-02'],
  bankHolidays: { 'england-and-wales': { division: 'england-and-wales', events: [{ title: 'Early May bank holiday', date: '2027-05-03' }] } },
  ...over,
});
const CAL: AcademicCalendar = AcademicCalendarSchema.parse(input());

describe('working days for staff deadlines', () => {
  it('counts an INSET day and an ordinary term day, not a Saturday, a Sunday, a bank holiday or a holiday', () => {
    expect(isWorkingDay(CAL, '2026-11-02')).toBe(true); // INSET, Monday
    expect(isWorkingDay(CAL, '2026-11-04')).toBe(true); // Wednesday in term
    expect(isWorkingDay(CAL, '2026-11-07')).toBe(false); // Saturday
    expect(isWorkingDay(CAL, '2026-11-08')).toBe(false); // Sunday
    expect(isWorkingDay(CAL, '2027-05-03')).toBe(false); // bank holiday in term
    expect(isWorkingDay(CAL, '2026-12-22')).toBe(false); // Tuesday of the Christmas holiday
  });
});

describe('the end of the year', () => {
  it('finds the last day of the year as the next school day when it is one', () => {
    expect(nextSchoolDay(CAL, '2027-07-20')).toBe('2027-07-21');
    expect(nextSchoolDay(CAL, '2027-07-21')).toBeUndefined();
  });

  it('gives no earlier half terms for the first one or for a half term it does not know', () => {
    expect(previousHalfTerms(CAL, 'au1', 2)).toEqual([]);
    expect(previousHalfTerms(CAL, 'no-such-half-term', 2)).toEqual([]);
    expect(previousHalfTerms(CAL, 'sp1', 1).map((h) => h.id)).toEqual(['au2']);
  });

  it('puts August and the autumn in the year that starts then, and the summer in the year before', () => {
    expect(academicYearOf('2026-08-03')).toBe(2026);
    expect(academicYearOf('2026-09-01')).toBe(2026);
    expect(academicYearOf('2027-07-31')).toBe(2026);
    expect(academicYearOf('2027-01-04')).toBe(2026);
  });

  it('moves across months and years by calendar days', () => {
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-11-02', -3)).toBe('2026-10-30');
  });
});

describe('term dates a trust imports', () => {
  const problems = (over: Record<string, unknown>) => {
    const r = AcademicCalendarSchema.safeParse(input(over));
    return r.success ? [] : r.error.issues.map((i) => i.message);
  };
  const halfTerms = (i: number, change: Record<string, string>) => HALF_TERMS_2026.map((h, k) => (k === i ? { ...h, ...change } : { ...h }));

  it('takes well-formed dates, with no INSET days and gov.uk events without notes', () => {
    const c = AcademicCalendarSchema.parse(input({ insetDays: undefined }));
    expect(c.insetDays).toEqual([]);
    expect(c.bankHolidays['england-and-wales']!.events[0]).toMatchObject({ notes: '', bunting: false });
    // A one-day half term, and one that starts the day after the last ends, are fine.
    expect(problems({ halfTerms: halfTerms(1, { start: '2026-10-24', end: '2026-12-18' }) })).toEqual([]);
    expect(problems({ halfTerms: halfTerms(0, { end: '2026-09-02' }) })).toEqual([]);
  });

  it('refuses half terms that overlap, touch on a day or run backwards, saying so', () => {
    const message = 'half terms must be in order and not overlap';
    expect(problems({ halfTerms: halfTerms(1, { start: '2026-10-20' }) })).toEqual([message]); // overlaps autumn 1
    expect(problems({ halfTerms: halfTerms(1, { start: '2026-10-23' }) })).toEqual([message]); // starts the day autumn 1 ends
    expect(problems({ halfTerms: halfTerms(2, { start: '2027-02-13' }) })).toEqual([message]); // starts after it ends
  });

  it('refuses a year, term, id or name that is not one', () => {
    for (const year of ['26-27', '2026-2027', '2026/27', 'abcd-ef', '2026-2']) expect(problems({ year }), year).not.toEqual([]);
    expect(problems({ halfTerms: halfTerms(0, { term: 'winter' }) })).not.toEqual([]);
    for (const term of ['autumn', 'spring', 'summer']) expect(problems({ halfTerms: halfTerms(0, { term }) }), term).toEqual([]);
    expect(problems({ halfTerms: halfTerms(0, { id: '' }) })).not.toEqual([]);
    expect(problems({ halfTerms: halfTerms(0, { name: '' }) })).not.toEqual([]);
    expect(problems({ halfTerms: halfTerms(0, { id: 'autumn-1', name: 'Autumn 1 (new dates)' }) })).toEqual([]);
  });
});
