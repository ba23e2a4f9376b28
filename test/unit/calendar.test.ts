// The academic calendar: half terms, school days, England and Wales bank holidays, Europe/London across BST changes.
import { describe, expect, it } from 'vitest';
import {
  AcademicCalendarSchema,
  addDays,
  addSchoolDays,
  currentOrNextHalfTerm,
  halfTermOn,
  isSchoolDay,
  isWorkingDay,
  localDate,
  nextSchoolDay,
  previousHalfTerms,
  schoolDaysBetween,
  weekday,
  zonedInstant,
  type AcademicCalendar,
} from '../../src/domain/calendar';
import { englandAndWalesBankHolidays, typicalCalendar } from '../../src/domain/calendar-presets';
import { HALF_TERMS_2026 } from './calendar-fixture';

const CAL: AcademicCalendar = AcademicCalendarSchema.parse({
  year: '2026-27',
  halfTerms: HALF_TERMS_2026,
  insetDays: ['2026-09-02', '2026-11-02', '2027-01-04'],
  bankHolidays: {
    'england-and-wales': {
      division: 'england-and-wales',
      events: [
        { title: 'Christmas Day', date: '2026-12-25', notes: '', bunting: true },
        { title: 'Early May bank holiday', date: '2027-05-03', notes: '', bunting: true },
        { title: 'Spring bank holiday', date: '2027-05-31', notes: '', bunting: true },
      ],
    },
    scotland: { division: 'scotland', events: [{ title: 'St Andrew’s Day', date: '2026-11-30', notes: '', bunting: true }] },
  },
});

describe('half terms', () => {
  it('finds the half term a date falls in, including its first and last day and the weekends inside it', () => {
    expect(halfTermOn(CAL, '2026-11-18')?.id).toBe('au2');
    expect(halfTermOn(CAL, '2026-11-02')?.id).toBe('au2');
    expect(halfTermOn(CAL, '2026-12-18')?.id).toBe('au2');
    expect(halfTermOn(CAL, '2026-11-21')?.id).toBe('au2'); // a Saturday in term
    expect(halfTermOn(CAL, '2026-10-26')).toBeUndefined(); // October half-term holiday
  });

  it('during a holiday, the current-or-next half term is the next one; after the year, the last', () => {
    expect(currentOrNextHalfTerm(CAL, '2026-10-28').id).toBe('au2');
    expect(currentOrNextHalfTerm(CAL, '2026-12-25').id).toBe('sp1');
    expect(currentOrNextHalfTerm(CAL, '2026-08-20').id).toBe('au1');
    expect(currentOrNextHalfTerm(CAL, '2027-08-01').id).toBe('su2');
    expect(previousHalfTerms(CAL, 'sp2', 2).map((h) => h.id)).toEqual(['au2', 'sp1']);
    expect(previousHalfTerms(CAL, 'au1', 2)).toEqual([]);
  });

  it('refuses half terms out of order or overlapping, and a year without six', () => {
    const halfTerms = CAL.halfTerms.map((h) => ({ ...h }));
    halfTerms[2]!.start = '2026-12-10';
    expect(AcademicCalendarSchema.safeParse({ ...CAL, halfTerms }).success).toBe(false);
    expect(AcademicCalendarSchema.safeParse({ ...CAL, halfTerms: CAL.halfTerms.slice(0, 5) }).success).toBe(false);
  });
});

describe('school days', () => {
  it('are term-time weekdays that are neither INSET days nor England and Wales bank holidays', () => {
    expect(isSchoolDay(CAL, '2026-11-18')).toBe(true);
    expect(isSchoolDay(CAL, '2026-11-21')).toBe(false); // Saturday
    expect(isSchoolDay(CAL, '2026-11-02')).toBe(false); // INSET
    expect(isSchoolDay(CAL, '2027-05-03')).toBe(false); // Early May bank holiday
    expect(isSchoolDay(CAL, '2026-11-30')).toBe(true); // a Scottish holiday does not count
    expect(isSchoolDay(CAL, '2026-10-28')).toBe(false); // holiday
    // Staff work on INSET days, not on bank holidays.
    expect(isWorkingDay(CAL, '2026-11-02')).toBe(true);
    expect(isWorkingDay(CAL, '2027-05-03')).toBe(false);
  });

  it('nextSchoolDay skips weekends, INSET days, holidays and bank holidays', () => {
    expect(nextSchoolDay(CAL, '2026-11-18')).toBe('2026-11-19');
    expect(nextSchoolDay(CAL, '2026-11-20')).toBe('2026-11-23'); // Friday → Monday
    expect(nextSchoolDay(CAL, '2026-10-23')).toBe('2026-11-03'); // half term, then INSET Monday
    expect(nextSchoolDay(CAL, '2027-04-30')).toBe('2027-05-04'); // Friday → bank holiday Monday → Tuesday
    expect(nextSchoolDay(CAL, '2026-12-18')).toBe('2027-01-05'); // Christmas, then INSET
    expect(nextSchoolDay(CAL, '2027-07-21')).toBeUndefined(); // the year is over
  });

  it('schoolDaysBetween counts school days after the first date up to and including the second', () => {
    expect(schoolDaysBetween(CAL, '2026-11-18', '2026-11-18')).toBe(0);
    expect(schoolDaysBetween(CAL, '2026-11-18', '2026-11-10')).toBe(0);
    expect(schoolDaysBetween(CAL, '2026-11-18', '2026-11-25')).toBe(5);
    // Fri 23 Oct → Fri 6 Nov: a holiday week, INSET Monday, then Tue–Fri.
    expect(schoolDaysBetween(CAL, '2026-10-23', '2026-11-06')).toBe(4);
    // Across Christmas: 21–24 Dec and the New Year are holiday; 4 Jan is INSET.
    expect(schoolDaysBetween(CAL, '2026-12-17', '2027-01-08')).toBe(1 + 4);
    // Week with the Early May bank holiday.
    expect(schoolDaysBetween(CAL, '2027-04-30', '2027-05-07')).toBe(4);
  });

  it('addSchoolDays lands on the nth school day and agrees with schoolDaysBetween', () => {
    expect(addSchoolDays(CAL, '2026-11-18', 5)).toBe('2026-11-25');
    expect(addSchoolDays(CAL, '2026-12-16', 3)).toBe('2027-01-05');
    for (const [from, n] of [['2026-09-10', 17], ['2027-02-01', 30], ['2027-04-20', 12]] as const) {
      expect(schoolDaysBetween(CAL, from, addSchoolDays(CAL, from, n))).toBe(n);
    }
  });
});

describe('Europe/London across the BST changes (last Sunday of March and of October)', () => {
  const TZ = 'Europe/London';
  const london = (d: Date) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).format(d);

  it('localDate gives the London date of an instant, an hour ahead of UTC in summer', () => {
    expect(localDate(new Date('2026-03-28T23:30:00Z'), TZ)).toBe('2026-03-28'); // GMT
    expect(localDate(new Date('2026-03-29T23:30:00Z'), TZ)).toBe('2026-03-30'); // BST: 00:30 next day
    expect(localDate(new Date('2026-10-24T23:30:00Z'), TZ)).toBe('2026-10-25'); // still BST
    expect(localDate(new Date('2026-10-25T23:30:00Z'), TZ)).toBe('2026-10-25'); // GMT again
  });

  it('zonedInstant gives 09:00 London as 09:00Z in winter and 08:00Z in summer, either side of each change', () => {
    expect(zonedInstant('2026-03-28', '09:00', TZ).toISOString()).toBe('2026-03-28T09:00:00.000Z');
    expect(zonedInstant('2026-03-29', '09:00', TZ).toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(zonedInstant('2026-10-24', '09:00', TZ).toISOString()).toBe('2026-10-24T08:00:00.000Z');
    expect(zonedInstant('2026-10-25', '09:00', TZ).toISOString()).toBe('2026-10-25T09:00:00.000Z');
    expect(zonedInstant('2026-10-25', '00:30', TZ).toISOString()).toBe('2026-10-24T23:30:00.000Z');
  });

  it('handles the hour that does not exist in March and the hour that happens twice in October', () => {
    const skipped = zonedInstant('2026-03-29', '01:30', TZ); // clocks jump 01:00 → 02:00
    expect(localDate(skipped, TZ)).toBe('2026-03-29');
    expect(london(skipped)).toBe('02:30');
    const twice = zonedInstant('2026-10-25', '01:30', TZ); // 01:00–02:00 happens in BST then GMT
    expect(['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']).toContain(twice.toISOString());
    expect(london(twice)).toBe('01:30');
  });

  it('round-trips every day of two years at several times, in London and New York', () => {
    for (const tz of [TZ, 'America/New_York']) {
      for (let d = '2026-01-01'; d <= '2027-12-31'; d = addDays(d, 1)) {
        for (const t of ['00:15', '08:00', '12:00', '23:45']) {
          const at = zonedInstant(d, t, tz);
          expect(localDate(at, tz), `${d} ${t} ${tz}`).toBe(d);
          expect(new Intl.DateTimeFormat('en-GB', { timeZone: tz, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).format(at)).toBe(t);
        }
      }
    }
  });
});

describe('typicalCalendar', () => {
  const cal = typicalCalendar(2026);

  it('is a valid calendar of six half terms in order, two per term, starting in September', () => {
    expect(AcademicCalendarSchema.safeParse(cal).success).toBe(true);
    expect(cal.year).toBe('2026-27');
    expect(cal.halfTerms.map((h) => h.term)).toEqual(['autumn', 'autumn', 'spring', 'spring', 'summer', 'summer']);
    expect(cal.halfTerms.map((h) => h.name)).toEqual(['Autumn 1', 'Autumn 2', 'Spring 1', 'Spring 2', 'Summer 1', 'Summer 2']);
    cal.halfTerms.forEach((h, i) => {
      expect(h.start <= h.end).toBe(true);
      if (i) expect(cal.halfTerms[i - 1]!.end < h.start).toBe(true);
      expect([1, 2, 3, 4, 5]).toContain(weekday(h.start)); // terms start on a weekday
      expect([1, 2, 3, 4, 5]).toContain(weekday(h.end));
    });
    expect(cal.halfTerms[0]!.start.slice(0, 7)).toBe('2026-09');
    expect(cal.halfTerms[5]!.end.slice(0, 7)).toBe('2027-07');
    expect(cal.insetDays).toHaveLength(5);
    for (const d of cal.insetDays) expect(halfTermOn(cal, d)).toBeDefined();
    // About 190 school days (195 with INSET), as in England.
    const days = schoolDaysBetween(cal, addDays(cal.halfTerms[0]!.start, -1), cal.halfTerms[5]!.end);
    expect(days).toBeGreaterThanOrEqual(180);
    expect(days).toBeLessThanOrEqual(195);
  });

  it('puts the Easter holiday around Easter and spring half term in February', () => {
    const goodFriday = cal.bankHolidays['england-and-wales']!.events.find((e) => e.title === 'Good Friday' && e.date.startsWith('2027'))!.date;
    expect(halfTermOn(cal, goodFriday)).toBeUndefined();
    expect(halfTermOn(cal, addDays(goodFriday, 3))).toBeUndefined(); // Easter Monday
    expect(cal.halfTerms[3]!.start.slice(0, 7)).toBe('2027-02');
  });

  it('lists bank holidays in gov.uk bank-holidays.json shape, matching gov.uk for 2026 and 2027', () => {
    const events = cal.bankHolidays['england-and-wales']!.events;
    expect(cal.bankHolidays['england-and-wales']!.division).toBe('england-and-wales');
    for (const e of events) expect(Object.keys(e).sort()).toEqual(['bunting', 'date', 'notes', 'title']);
    expect(events.map((e) => e.date)).toEqual([...events.map((e) => e.date)].sort());
    const in2027 = events.filter((e) => e.date.startsWith('2027')).map((e) => [e.title, e.date, e.notes]);
    expect(in2027).toEqual([
      ['New Year’s Day', '2027-01-01', ''],
      ['Good Friday', '2027-03-26', ''],
      ['Easter Monday', '2027-03-29', ''],
      ['Early May bank holiday', '2027-05-03', ''],
      ['Spring bank holiday', '2027-05-31', ''],
      ['Summer bank holiday', '2027-08-30', ''],
      ['Christmas Day', '2027-12-27', 'Substitute day'],
      ['Boxing Day', '2027-12-28', 'Substitute day'],
    ]);
    expect(events.filter((e) => e.date.startsWith('2026')).map((e) => e.date)).toEqual([
      '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
    ]);
  });

  it('substitutes Christmas on a Sunday after Boxing Day, as gov.uk did in 2022', () => {
    const dec = englandAndWalesBankHolidays(2022).filter((e) => e.date.startsWith('2022-12'));
    expect(dec).toEqual([
      { title: 'Boxing Day', date: '2022-12-26', notes: '' },
      { title: 'Christmas Day', date: '2022-12-27', notes: 'Substitute day' },
    ]);
    expect(englandAndWalesBankHolidays(2022)[0]).toEqual({ title: 'New Year’s Day', date: '2022-01-03', notes: 'Substitute day' });
  });
});
