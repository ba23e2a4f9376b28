// Reading an operator's CSV file (GIAS extracts, people lists) with csv-parse: names hold commas and
// quotes ("St Mary's, Church of England"), which a hand-rolled split would mis-read.
import { parse } from 'csv-parse/sync';

/** A row an import refuses: where it is, what it holds there, and what would be accepted instead. */
export interface CsvProblem {
  line: number;
  /** The column at fault; none when the row as a whole is (a missing field, a duplicate). */
  column?: string;
  got: string;
  expected: string;
}

/** One line of the report an operator fixes the file from: "line 8, URN: got "1490X5", expected 6 or 7 digits". */
export function describeProblem(p: CsvProblem): string {
  return `line ${p.line}${p.column ? `, ${p.column}` : ''}: got ${p.got}, expected ${p.expected}`;
}

/** A cell's value as the report shows it. */
export const shown = (value: string | undefined): string => (value ? `"${value}"` : 'nothing');

/** zod's issues with one row, each under its column with what the row held there (the message says what is allowed). */
export function rowProblems(line: number, issues: readonly { path: PropertyKey[]; message: string }[], record: Record<string, string>): CsvProblem[] {
  return issues.map((i) => {
    const column = i.path.length ? String(i.path[0]) : undefined;
    return { line, column, got: column ? shown(record[column]) : 'this row', expected: i.message };
  });
}

/** Problems in file order, one line per row and column. */
export const byLine = (problems: CsvProblem[]): CsvProblem[] => [...problems].sort((a, b) => a.line - b.line);

/** Each record with the line it ends on; rows csv-parse cannot read are reported by line instead. */
export function readCsv(input: Buffer | string): { header: string[]; records: { record: Record<string, string>; line: number }[]; problems: CsvProblem[] } {
  const text = typeof input === 'string' ? input : decode(input);
  const problems: CsvProblem[] = [];
  let header: string[] = [];
  const records = parse(text, {
    bom: true,
    columns: (h: string[]) => (header = h.map((c) => c.trim())),
    skip_empty_lines: true,
    trim: true,
    info: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      const line = Number(err?.lines ?? 0);
      if (!problems.some((p) => p.line === line)) problems.push({ line, ...csvReason(err) });
      return undefined;
    },
  }) as { record: Record<string, string>; info: { lines: number } }[];
  return { header, records: records.map(({ record, info }) => ({ record, line: info.lines })), problems };
}

/** Files saved from Excel or downloaded from GIAS are often Windows-1252; accept UTF-8 too. */
function decode(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('windows-1252').decode(buf);
  }
}

function csvReason(err: { code?: string; message?: string } | undefined): Pick<CsvProblem, 'got' | 'expected'> {
  const unreadable = { got: 'a row that could not be read', expected: 'a CSV row' };
  if (!err) return unreadable;
  if (err.code === 'CSV_RECORD_INCONSISTENT_COLUMNS' || err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
    const m = /columns length is (\d+), got (\d+)/.exec(err.message ?? '');
    const expected = 'one field per column of the header (quote a value that holds a comma)';
    return m ? { got: `${m[2]} fields`, expected: `${m[1]}: ${expected}` } : { got: 'a different number of fields from the header', expected };
  }
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') return { got: 'a quote that is never closed, so the rest of the file could not be read', expected: 'each opening quote closed' };
  return err.message ? { got: err.message.replace(/ (at|on) line \d+/, ''), expected: 'a CSV row' } : unreadable;
}

/** A lower-case id from a name or an email: "St Anne's School" → "st-annes-school". */
export function slugify(text: string, max = 60): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, max)
    .replace(/-$/, '');
}

/** The report of a refused file: every bad row, then one line saying nothing was imported. */
export function refusalReport(problems: CsvProblem[], goodRows: number): string {
  const bad = new Set(problems.map((p) => p.line)).size;
  return [...byLine(problems).map(describeProblem), `Nothing imported: ${bad} of ${goodRows + bad} row(s) cannot be used (listed above). Fix them and run the import again.`].join('\n');
}
