// Reading an operator's CSV file (GIAS extracts, people lists) with csv-parse: names hold commas and
// quotes ("St Mary's, Church of England"), which a hand-rolled split would mis-read.
import { parse } from 'csv-parse/sync';

export interface CsvProblem {
  line: number;
  reason: string;
}

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
      if (!problems.some((p) => p.line === line)) problems.push({ line, reason: csvReason(err) });
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

function csvReason(err: { code?: string; message?: string } | undefined): string {
  if (!err) return 'the row could not be read';
  if (err.code === 'CSV_RECORD_INCONSISTENT_COLUMNS' || err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
    const m = /columns length is (\d+), got (\d+)/.exec(err.message ?? '');
    return m ? `the row has ${m[2]} fields where the header has ${m[1]}` : 'the row has a different number of fields from the header';
  }
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') return 'a quote opened here is never closed, so the rest of the file could not be read';
  return err.message?.replace(/ (at|on) line \d+/, '') ?? 'the row could not be read';
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
