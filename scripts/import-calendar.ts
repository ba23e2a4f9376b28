// Loads a trust's term dates and gov.uk's bank-holidays.json into the trust in DATA_DIR.
// Usage: npm run import:calendar -- <term-dates.json> <bank-holidays.json>
// term-dates.json: { "year": "2026-27", "halfTerms": [{ "id", "name", "term", "start", "end" } ×6], "insetDays": [...] }
// All or nothing: both files are checked whole first (every problem is named); the calendar and its audit entry commit together.
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../src/config';
import { CalendarImportError, buildCalendar } from '../src/domain/calendar-import';
import { openStore } from '../src/store/open';
import { UsageError, runCli } from './cli';

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (e) {
    throw new UsageError(`Cannot read ${file} as JSON: ${(e as Error).message.split('\n')[0]}`);
  }
}

runCli(async () => {
  const [termsFile, holidaysFile, ...rest] = process.argv.slice(2);
  if (!termsFile || !holidaysFile || rest.length) throw new UsageError('Usage: npm run import:calendar -- <term-dates.json> <bank-holidays.json>');
  const config = loadConfig();
  let built: ReturnType<typeof buildCalendar>;
  try {
    built = buildCalendar(await readJson(termsFile), await readJson(holidaysFile));
  } catch (e) {
    if (e instanceof CalendarImportError) throw new UsageError(`Nothing imported: ${e.message}`);
    throw e;
  }
  for (const w of built.warnings) console.log(`warning: ${w}`);
  const store = await openStore(config);
  try {
    const [first, last] = [built.calendar.halfTerms[0]!.start, built.calendar.halfTerms[5]!.end];
    const r = await store.transact(
      (d) => {
        if (!d.trust) throw new UsageError(`Nothing imported: ${config.dataDir} has no trust yet to give the calendar to.`);
        const was = d.trust.calendar;
        d.trust.calendar = built.calendar;
        return { name: d.trust.name, was: `${was.year}, ${was.halfTerms[0]?.start} to ${was.halfTerms.at(-1)?.end}` };
      },
      // In the same commit as the calendar: never recorded without its change, nor the reverse.
      { audit: () => ({ at: new Date().toISOString(), actorId: 'operator', action: 'trust.import-calendar', outcome: 'ok', detail: { year: built.calendar.year, first, last } }) },
    );
    console.log(`Set the ${built.calendar.year} calendar of ${r.name}: six half terms from ${first} to ${last}, ${built.calendar.insetDays.length} INSET day(s) (it was ${r.was}).`);
  } finally {
    await store.close();
  }
});
