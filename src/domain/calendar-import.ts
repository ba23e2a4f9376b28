// A trust's own term dates and gov.uk's bank-holidays.json, checked and turned into its calendar.
import { z } from 'zod';
import { AcademicCalendarSchema, BankHolidaysSchema, HalfTermSchema, halfTermOn, type AcademicCalendar } from './calendar';

/** The term-dates file a trust writes: six half terms and its INSET days. */
export const TermDatesSchema = z.object({
  year: z.string().regex(/^\d{4}-\d{2}$/, 'year must look like 2026-27'),
  halfTerms: z.array(HalfTermSchema).length(6, 'there must be six half terms'),
  insetDays: z.array(z.iso.date()).max(10).default([]),
});

export class CalendarImportError extends Error {}

const issueText = (e: z.ZodError) => e.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');

/**
 * Builds the calendar; throws a CalendarImportError naming the problem. Returns warnings an
 * operator should see: INSET days outside term, or bank holidays that do not cover the year.
 */
export function buildCalendar(termDates: unknown, bankHolidays: unknown): { calendar: AcademicCalendar; warnings: string[] } {
  const terms = TermDatesSchema.safeParse(termDates);
  if (!terms.success) throw new CalendarImportError(`term dates: ${issueText(terms.error)}`);
  const holidays = BankHolidaysSchema.safeParse(bankHolidays);
  if (!holidays.success) throw new CalendarImportError(`bank holidays (gov.uk bank-holidays.json shape): ${issueText(holidays.error)}`);
  const cal = AcademicCalendarSchema.safeParse({ ...terms.data, bankHolidays: holidays.data });
  if (!cal.success) throw new CalendarImportError(`term dates: ${issueText(cal.error)}`);

  const calendar = cal.data;
  const warnings: string[] = [];
  for (const d of calendar.insetDays) if (!halfTermOn(calendar, d)) warnings.push(`INSET day ${d} is not within a half term`);
  const events = calendar.bankHolidays['england-and-wales']?.events ?? [];
  const first = calendar.halfTerms[0]!.start;
  const last = calendar.halfTerms[5]!.end;
  if (!events.length) warnings.push('there are no England and Wales bank holidays (division "england-and-wales")');
  else if (!events.some((e) => e.date >= last) || !events.some((e) => e.date <= first)) {
    warnings.push(`the bank holidays do not cover ${first} to ${last}: download a newer bank-holidays.json`);
  }
  return { calendar, warnings };
}
