// Imports a trust's schools from a Get Information about Schools (GIAS) CSV extract.
import { z } from 'zod';
import { PhaseSchema, type Phase, type School } from '../domain/schools';
import { byLine, readCsv, rowProblems, shown, slugify, type CsvProblem } from './csv';
import type { Data } from './schema';

export const GIAS_COLUMNS = [
  'URN',
  'LA (code)',
  'LA (name)',
  'EstablishmentNumber',
  'EstablishmentName',
  'TypeOfEstablishment (name)',
  'PhaseOfEducation (name)',
  'StatutoryLowAge',
  'StatutoryHighAge',
  'Trusts (code)',
  'Trusts (name)',
  'HeadFirstName',
  'HeadLastName',
] as const;

/** A whole file the import cannot use (missing columns, several trusts): nothing is imported. */
export class GiasFileError extends Error {}

export interface GiasSchool {
  line: number;
  urn: string;
  name: string;
  phase: Phase;
  localAuthority: string;
  laestab?: string;
  trustCode: string;
  trustName: string;
  head?: string;
}

// Each message says what the column accepts: the report reads "got …, expected <message>".
const age = z
  .string()
  .regex(/^\d{0,2}$/, 'an age in whole years, or nothing')
  .transform((v) => (v ? Number(v) : undefined));
const RowSchema = z.object({
  URN: z.string().regex(/^\d{6,7}$/, 'a URN: 6 or 7 digits'),
  'LA (code)': z.string().regex(/^\d{3}$/, 'a local authority code: 3 digits'),
  'LA (name)': z.string(),
  EstablishmentNumber: z.string().regex(/^(\d{4})?$/, '4 digits, or nothing'),
  EstablishmentName: z.string().min(1, "the school's name"),
  'TypeOfEstablishment (name)': z.string(),
  'PhaseOfEducation (name)': z.string(),
  StatutoryLowAge: age,
  StatutoryHighAge: age,
  'Trusts (code)': z.string(),
  'Trusts (name)': z.string(),
  HeadFirstName: z.string(),
  HeadLastName: z.string(),
});
type Row = z.infer<typeof RowSchema>;

const PHASE_NAMES: Record<string, Phase> = {
  nursery: 'nursery',
  primary: 'primary',
  'middle deemed primary': 'middle',
  'middle deemed secondary': 'middle',
  secondary: 'secondary',
  'all-through': 'all-through',
  'all through': 'all-through',
  '16 plus': '16-plus',
};

/** What the phase column accepts, for the report of a row the bot cannot place. */
const PHASES_ALLOWED = `one of ${[...new Set(Object.keys(PHASE_NAMES).map((n) => n[0]!.toUpperCase() + n.slice(1)))].join(', ')}, or Not applicable with both statutory ages (special and AP schools go by their type)`;

/** The domain's phase: special schools and AP by their type, else GIAS's phase, else their age range. */
export function phaseOf(row: Pick<Row, 'TypeOfEstablishment (name)' | 'PhaseOfEducation (name)' | 'StatutoryLowAge' | 'StatutoryHighAge'>): Phase | undefined {
  const type = row['TypeOfEstablishment (name)'].toLowerCase();
  if (type.includes('special')) return 'special';
  if (type.includes('alternative provision') || type.includes('pupil referral')) return 'alternative-provision';
  const name = row['PhaseOfEducation (name)'].trim();
  const mapped = PHASE_NAMES[name.toLowerCase()];
  if (mapped) return mapped;
  const [low, high] = [row.StatutoryLowAge, row.StatutoryHighAge];
  if (name.toLowerCase() === 'not applicable' && low !== undefined && high !== undefined) {
    if (low >= 16) return '16-plus';
    if (high <= 11) return 'primary';
    if (low >= 11) return 'secondary';
    if (low <= 5 && high >= 16) return 'all-through';
  }
  return undefined;
}

/** Reads an extract: every school, and every row that cannot be one (by line and column), so the whole file can be judged first. */
export function parseGiasCsv(input: Buffer | string): { schools: GiasSchool[]; problems: CsvProblem[] } {
  const { header, records, problems } = readCsv(input);
  const missing = GIAS_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) throw new GiasFileError(`the file lacks the GIAS column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}`);

  const schools: GiasSchool[] = [];
  const seen = new Map<string, number>();
  for (const { record, line } of records) {
    const r = RowSchema.safeParse(record);
    if (!r.success) {
      problems.push(...rowProblems(line, r.error.issues, record));
      continue;
    }
    const row = r.data;
    const phase = phaseOf(row);
    if (!phase) {
      problems.push({ line, column: 'PhaseOfEducation (name)', got: shown(row['PhaseOfEducation (name)']), expected: PHASES_ALLOWED });
      continue;
    }
    if (seen.has(row.URN)) {
      problems.push({ line, column: 'URN', got: shown(row.URN), expected: `each URN once (it is on line ${seen.get(row.URN)} too)` });
      continue;
    }
    seen.set(row.URN, line);
    const head = `${row.HeadFirstName} ${row.HeadLastName}`.trim();
    schools.push({
      line,
      urn: row.URN,
      name: row.EstablishmentName,
      phase,
      localAuthority: row['LA (name)'] || row['LA (code)'],
      laestab: row.EstablishmentNumber ? `${row['LA (code)']}${row.EstablishmentNumber}` : undefined,
      trustCode: row['Trusts (code)'],
      trustName: row['Trusts (name)'],
      head: head || undefined,
    });
  }
  return { schools, problems: byLine(problems) };
}

/** Chooses the trust's rows: all of them when the file has one trust, else those of `trustCode`. */
export function rowsOfTrust(schools: GiasSchool[], trustCode?: string): { chosen: GiasSchool[]; otherTrusts: number } {
  const codes = [...new Set(schools.map((s) => s.trustCode))];
  if (!trustCode) {
    if (codes.length > 1) {
      const list = codes.map((c) => `${c || '(none)'} ${schools.find((s) => s.trustCode === c)!.trustName}`.trim()).join('; ');
      throw new GiasFileError(`the file holds schools of ${codes.length} trusts (${list}): choose one with --trust <code>`);
    }
    return { chosen: schools, otherTrusts: 0 };
  }
  const chosen = schools.filter((s) => s.trustCode === trustCode);
  if (!chosen.length) throw new GiasFileError(`no school in the file belongs to trust ${trustCode} (found: ${codes.join(', ') || 'none'})`);
  return { chosen, otherTrusts: schools.length - chosen.length };
}

export interface ImportResult {
  added: string[];
  /** Each school changed, with what changed ("name: Beacon Primary → Beacon Primary School"). */
  updated: { name: string; changes: string[] }[];
  unchanged: string[];
}

/** Upserts by URN into `d` (a transaction's draft). A school already there keeps its id, category, hub, people and Ofsted history. */
export function applySchools(d: Data, rows: GiasSchool[]): ImportResult {
  const result: ImportResult = { added: [], updated: [], unchanged: [] };
  for (const row of rows) {
    const fromGias = { urn: row.urn, name: row.name, phase: row.phase, localAuthority: row.localAuthority, laestab: row.laestab };
    const existing = d.schools.find((s) => s.urn === row.urn);
    if (existing) {
      const changes = (Object.keys(fromGias) as (keyof typeof fromGias)[])
        .filter((k) => existing[k] !== fromGias[k])
        .map((k) => `${k}: ${existing[k] ?? '(none)'} → ${fromGias[k] ?? '(none)'}`);
      Object.assign(existing, fromGias);
      if (changes.length) result.updated.push({ name: row.name, changes });
      else result.unchanged.push(row.name);
      continue;
    }
    const school: School = { id: uniqueId(d.schools, row), ...fromGias, urgentAction: false, ofsted: [] };
    d.schools.push(school);
    result.added.push(row.name);
  }
  return result;
}

function uniqueId(schools: School[], row: GiasSchool): string {
  const slug = slugify(row.name);
  const taken = (id: string) => schools.some((s) => s.id === id);
  if (slug && !taken(slug)) return slug;
  return `${slug || 'school'}-${row.urn}`;
}
