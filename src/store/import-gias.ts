// Imports a trust's schools from a Get Information about Schools (GIAS) CSV extract.
import { z } from 'zod';
import { PhaseSchema, type Phase, type School } from '../domain/schools';
import { readCsv, slugify, type CsvProblem } from './csv';
import type { Store } from './store';

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

export type GiasProblem = CsvProblem;

const age = (column: string) =>
  z
    .string()
    .regex(/^\d{0,2}$/, `${column} must be an age in whole years`)
    .transform((v) => (v ? Number(v) : undefined));
const RowSchema = z.object({
  URN: z.string().regex(/^\d{6,7}$/, 'URN must be 6 or 7 digits'),
  'LA (code)': z.string().regex(/^\d{3}$/, 'LA (code) must be 3 digits'),
  'LA (name)': z.string(),
  EstablishmentNumber: z.string().regex(/^(\d{4})?$/, 'EstablishmentNumber must be 4 digits'),
  EstablishmentName: z.string().min(1, 'EstablishmentName is empty'),
  'TypeOfEstablishment (name)': z.string(),
  'PhaseOfEducation (name)': z.string(),
  StatutoryLowAge: age('StatutoryLowAge'),
  StatutoryHighAge: age('StatutoryHighAge'),
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

/** The domain's phase: special schools and AP by their type, else GIAS's phase, else their age range. */
export function phaseOf(row: Pick<Row, 'TypeOfEstablishment (name)' | 'PhaseOfEducation (name)' | 'StatutoryLowAge' | 'StatutoryHighAge'>): Phase | string {
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
  return `PhaseOfEducation (name) "${name}" is not a phase the bot knows (${PhaseSchema.options.join(', ')})`;
}

/** Reads an extract; rows that do not parse or validate are reported with their line, the rest returned. */
export function parseGiasCsv(input: Buffer | string): { schools: GiasSchool[]; problems: GiasProblem[] } {
  const { header, records, problems } = readCsv(input);
  const missing = GIAS_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) throw new GiasFileError(`the file lacks the GIAS column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}`);

  const schools: GiasSchool[] = [];
  const seen = new Map<string, number>();
  for (const { record, line } of records) {
    const r = RowSchema.safeParse(record);
    if (!r.success) {
      problems.push({ line, reason: r.error.issues.map((i) => i.message).join('; ') });
      continue;
    }
    const row = r.data;
    const phase = phaseOf(row);
    if (!PhaseSchema.safeParse(phase).success) {
      problems.push({ line, reason: phase });
      continue;
    }
    if (seen.has(row.URN)) {
      problems.push({ line, reason: `URN ${row.URN} already appears on line ${seen.get(row.URN)}` });
      continue;
    }
    seen.set(row.URN, line);
    const head = `${row.HeadFirstName} ${row.HeadLastName}`.trim();
    schools.push({
      line,
      urn: row.URN,
      name: row.EstablishmentName,
      phase: phase as Phase,
      localAuthority: row['LA (name)'] || row['LA (code)'],
      laestab: row.EstablishmentNumber ? `${row['LA (code)']}${row.EstablishmentNumber}` : undefined,
      trustCode: row['Trusts (code)'],
      trustName: row['Trusts (name)'],
      head: head || undefined,
    });
  }
  problems.sort((a, b) => a.line - b.line);
  return { schools, problems };
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
  updated: string[];
  unchanged: string[];
}

/** Upserts by URN in one transaction. A school already there keeps its id, category, hub, people and Ofsted history. */
export async function importSchools(store: Store, rows: GiasSchool[]): Promise<ImportResult> {
  return store.transact((d) => {
    const result: ImportResult = { added: [], updated: [], unchanged: [] };
    for (const row of rows) {
      const fromGias = { urn: row.urn, name: row.name, phase: row.phase, localAuthority: row.localAuthority, laestab: row.laestab };
      const existing = d.schools.find((s) => s.urn === row.urn);
      if (existing) {
        const changed = (Object.keys(fromGias) as (keyof typeof fromGias)[]).some((k) => existing[k] !== fromGias[k]);
        Object.assign(existing, fromGias);
        (changed ? result.updated : result.unchanged).push(row.name);
        continue;
      }
      const school: School = { id: uniqueId(d.schools, row), ...fromGias, urgentAction: false, ofsted: [] };
      d.schools.push(school);
      result.added.push(row.name);
    }
    return result;
  });
}

function uniqueId(schools: School[], row: GiasSchool): string {
  const slug = slugify(row.name);
  const taken = (id: string) => schools.some((s) => s.id === id);
  if (slug && !taken(slug)) return slug;
  return `${slug || 'school'}-${row.urn}`;
}
