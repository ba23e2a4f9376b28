// Importing a trust's term dates and gov.uk's bank-holidays.json.
import { describe, expect, it } from 'vitest';
import { CalendarImportError, buildCalendar } from '../../src/domain/calendar-import';
import { isSchoolDay } from '../../src/domain/calendar';
import { HALF_TERMS_2026 } from './calendar-fixture';

const TERM_DATES = {
  year: '2026-27',
  halfTerms: [...HALF_TERMS_2026],
  insetDays: ['2026-09-02', '2026-09-04', '2026-11-02', '2027-01-04', '2027-07-21'],
};

/** An excerpt of gov.uk's bank-holidays.json, as downloaded (three divisions). */
const GOV_UK = {
  'england-and-wales': {
    division: 'england-and-wales',
    events: [
      { title: 'Summer bank holiday', date: '2026-08-31', notes: '', bunting: true },
      { title: 'Christmas Day', date: '2026-12-25', notes: '', bunting: true },
      { title: 'Boxing Day', date: '2026-12-28', notes: 'Substitute day', bunting: true },
      { title: 'Early May bank holiday', date: '2027-05-03', notes: '', bunting: true },
      { title: 'Summer bank holiday', date: '2027-08-30', notes: '', bunting: true },
    ],
  },
  scotland: { division: 'scotland', events: [{ title: 'St Andrew’s Day', date: '2026-11-30', notes: '', bunting: true }] },
  'northern-ireland': { division: 'northern-ireland', events: [] },
};

describe('buildCalendar', () => {
  it('combines term dates and gov.uk bank holidays into a calendar the school-day rules use', () => {
    const { calendar, warnings } = buildCalendar(TERM_DATES, GOV_UK);
    expect(warnings).toEqual([]);
    expect(calendar.halfTerms).toHaveLength(6);
    expect(isSchoolDay(calendar, '2027-05-03')).toBe(false);
    expect(isSchoolDay(calendar, '2026-09-04')).toBe(false);
    expect(isSchoolDay(calendar, '2026-11-30')).toBe(true);
  });

  it('refuses bad term dates or a file that is not gov.uk-shaped, saying where', () => {
    expect(() => buildCalendar({ ...TERM_DATES, halfTerms: TERM_DATES.halfTerms.slice(1) }, GOV_UK)).toThrow(/term dates: halfTerms: there must be six half terms/);
    const swapped: { start: string }[] = TERM_DATES.halfTerms.map((h) => ({ ...h }));
    swapped[1]!.start = '2026-10-01';
    expect(() => buildCalendar({ ...TERM_DATES, halfTerms: swapped }, GOV_UK)).toThrow(/half terms must be in order/);
    expect(() => buildCalendar({ ...TERM_DATES, insetDays: ['3 Sept'] }, GOV_UK)).toThrow(/term dates: insetDays\.0/);
    expect(() => buildCalendar(TERM_DATES, { 'england-and-wales': { events: [{ date: '2026-12-25' }] } })).toThrow(CalendarImportError);
    expect(() => buildCalendar(TERM_DATES, { 'england-and-wales': { events: [{ date: '2026-12-25' }] } })).toThrow(/bank holidays .*england-and-wales\.events\.0\.title/);
  });

  it('warns when INSET days fall outside term or the bank holidays do not cover the year', () => {
    const old = { 'england-and-wales': { events: GOV_UK['england-and-wales'].events.slice(0, 2) } };
    const { warnings } = buildCalendar({ ...TERM_DATES, insetDays: ['2026-10-28'] }, old);
    expect(warnings).toEqual(['INSET day 2026-10-28 is not within a half term', 'the bank holidays do not cover 2026-09-02 to 2027-07-21: download a newer bank-holidays.json']);
    expect(buildCalendar(TERM_DATES, { scotland: GOV_UK.scotland }).warnings).toEqual([expect.stringMatching(/no England and Wales bank holidays/)]);
  });
});
