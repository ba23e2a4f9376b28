// A typical English academic year, for the demo trust and for a trust that has not imported its own dates.
// Real trusts import their local authority's dates and gov.uk's bank-holidays.json.
import { addDays, weekday, type AcademicCalendar, type BankHolidays } from './calendar';

function iso(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m - 1, d, 12)).toISOString().slice(0, 10);
}

/** Easter Sunday (anonymous Gregorian algorithm). */
function easter(y: number): string {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(y, month, day);
}

const firstWeekdayOnOrAfter = (date: string, wd: number) => {
  let d = date;
  while (weekday(d) !== wd) d = addDays(d, 1);
  return d;
};
const lastMondayOf = (y: number, m: number) => {
  let d = iso(y, m + 1, 1);
  do d = addDays(d, -1);
  while (weekday(d) !== 1);
  return d;
};

/** England and Wales bank holidays for a calendar year, with weekend substitutes, in date order as gov.uk lists them. */
export function englandAndWalesBankHolidays(y: number): { title: string; date: string; notes: string }[] {
  const e = easter(y);
  const days = [
    { title: 'New Year’s Day', date: iso(y, 1, 1) },
    { title: 'Good Friday', date: addDays(e, -2) },
    { title: 'Easter Monday', date: addDays(e, 1) },
    { title: 'Early May bank holiday', date: firstWeekdayOnOrAfter(iso(y, 5, 1), 1) },
    { title: 'Spring bank holiday', date: lastMondayOf(y, 5) },
    { title: 'Summer bank holiday', date: lastMondayOf(y, 8) },
    { title: 'Christmas Day', date: iso(y, 12, 25) },
    { title: 'Boxing Day', date: iso(y, 12, 26) },
  ];
  const isWeekend = (d: string) => weekday(d) === 0 || weekday(d) === 6;
  // A holiday on a weekend moves to the next weekday no other holiday holds: Christmas on a
  // Sunday goes to Tuesday 27th, after Boxing Day; on a Saturday, Boxing Day goes to Tuesday 28th.
  const taken = new Set(days.filter((d) => !isWeekend(d.date)).map((d) => d.date));
  return days
    .map(({ title, date }) => {
      if (!isWeekend(date)) return { title, date, notes: '' };
      let d = date;
      while (isWeekend(d) || taken.has(d)) d = addDays(d, 1);
      taken.add(d);
      return { title, date: d, notes: 'Substitute day' };
    })
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** Terms from the first Tuesday of September, with the usual one-week and two-week breaks. */
export function typicalCalendar(startYear: number): AcademicCalendar {
  const y = startYear;
  const au1Start = firstWeekdayOnOrAfter(iso(y, 9, 1), 2);
  const au2Start = addDays(firstWeekdayOnOrAfter(iso(y, 10, 24), 1), 7);
  const sp1Start = firstWeekdayOnOrAfter(iso(y + 1, 1, 4), 1);
  const sp2Start = addDays(firstWeekdayOnOrAfter(iso(y + 1, 2, 12), 1), 7);
  const goodFriday = addDays(easter(y + 1), -2);
  const su1Start = addDays(goodFriday, 17); // Monday after the two-week Easter break
  const su2Start = addDays(lastMondayOf(y + 1, 5), 7);
  const halfTerms: AcademicCalendar['halfTerms'] = [
    { id: `${y}-au1`, name: 'Autumn 1', term: 'autumn', start: au1Start, end: addDays(au2Start, -10) },
    { id: `${y}-au2`, name: 'Autumn 2', term: 'autumn', start: au2Start, end: addDays(firstWeekdayOnOrAfter(iso(y, 12, 17), 5), 0) },
    { id: `${y}-sp1`, name: 'Spring 1', term: 'spring', start: sp1Start, end: addDays(sp2Start, -10) },
    { id: `${y}-sp2`, name: 'Spring 2', term: 'spring', start: sp2Start, end: addDays(goodFriday, -1) },
    { id: `${y}-su1`, name: 'Summer 1', term: 'summer', start: su1Start, end: addDays(su2Start, -10) },
    { id: `${y}-su2`, name: 'Summer 2', term: 'summer', start: su2Start, end: addDays(firstWeekdayOnOrAfter(iso(y + 1, 7, 17), 2), 0) },
  ];
  const events = [...englandAndWalesBankHolidays(y), ...englandAndWalesBankHolidays(y + 1)]
    .map((e) => ({ ...e, bunting: true }));
  const bankHolidays: BankHolidays = { 'england-and-wales': { division: 'england-and-wales', events } };
  const insetDays = [au1Start, addDays(au1Start, 1), au2Start, sp1Start, halfTerms[5]!.end];
  return { year: `${y}-${String((y + 1) % 100).padStart(2, '0')}`, halfTerms, insetDays, bankHolidays };
}
