// Imports the trust's people from a CSV file the trust office writes (or exports from its MIS or HR
// system), so the bot knows who is writing to it in Teams or Slack and what each may do.
import { z } from 'zod';
import { RoleSchema, SCHOOL_ROLES, type Person, type Role } from '../domain/people';
import type { School } from '../domain/schools';
import { byLine, readCsv, rowProblems, shown, slugify, type CsvProblem } from './csv';
import type { Data } from './schema';

export const PEOPLE_COLUMNS = ['name', 'email', 'role', 'school', 'job_title', 'networks', 'slack_user_id', 'teams_aad_object_id', 'dosi_for'] as const;
const REQUIRED = ['name', 'email', 'role'] as const;
/** Roles that may name the schools they look after in dosi_for. */
const DOSI_ROLES: readonly Role[] = ['dosi', 'sil'];

/** A whole file the import cannot use (no name, email or role column): nothing is imported. */
export class PeopleFileError extends Error {}

export interface PersonRow {
  line: number;
  name: string;
  email: string;
  role: Role;
  /** A URN or a school id, as written. */
  school?: string;
  jobTitle?: string;
  networks: string[];
  slackUserId?: string;
  teamsAadObjectId?: string;
  /** URNs or school ids; ['all'] for every school. */
  dosiFor: string[];
}

const list = z.string().transform((v) => v.split(/[;|]/).map((x) => x.trim()).filter(Boolean));
const optional = z.string().transform((v) => v || undefined);
const RowSchema = z
  .object({
    // Each message says what the column accepts: the report reads "got …, expected <message>".
    name: z.string().min(1, "the person's name"),
    email: z.email('an email address').transform((e) => e.toLowerCase()),
    role: z.string().transform((r, c) => {
      const role = RoleSchema.safeParse(r.toLowerCase());
      if (role.success) return role.data;
      c.addIssue({ code: 'custom', message: `one of ${RoleSchema.options.join(', ')}` });
      return z.NEVER;
    }),
    school: optional,
    job_title: optional,
    networks: list,
    slack_user_id: optional,
    teams_aad_object_id: optional,
    dosi_for: list,
  })
  .superRefine((r, c) => {
    const schoolRole = SCHOOL_ROLES.includes(r.role);
    if (schoolRole && !r.school) c.addIssue({ code: 'custom', path: ['school'], message: `the URN or school id of the ${r.role}'s school` });
    if (!schoolRole && r.school) c.addIssue({ code: 'custom', path: ['school'], message: `nothing: ${r.role} is trust-wide (a school is only for ${SCHOOL_ROLES.slice(0, -1).join(', ')} and ${SCHOOL_ROLES.at(-1)} rows)` });
    if (r.dosi_for.length && !DOSI_ROLES.includes(r.role)) c.addIssue({ code: 'custom', path: ['dosi_for'], message: `nothing: dosi_for is only for ${DOSI_ROLES.join(' and ')} rows` });
  });

/** Reads the file: every row it can use, and every one it cannot (by line and column), so the whole file can be judged first. */
export function parsePeopleCsv(input: Buffer | string): { rows: PersonRow[]; problems: CsvProblem[]; ignoredColumns: string[] } {
  const { header, records, problems } = readCsv(input);
  const key = (c: string) => c.toLowerCase().replace(/[\s-]+/g, '_');
  const columns = header.map(key);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length) throw new PeopleFileError(`the file lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (the first line names the columns: ${PEOPLE_COLUMNS.join(',')})`);

  const rows: PersonRow[] = [];
  for (const { record, line } of records) {
    const fields = Object.fromEntries(PEOPLE_COLUMNS.map((c) => [c, '']));
    for (const [k, v] of Object.entries(record)) fields[key(k)] = v;
    const r = RowSchema.safeParse(fields);
    if (!r.success) {
      problems.push(...rowProblems(line, r.error.issues, fields));
      continue;
    }
    const row = r.data;
    rows.push({
      line,
      name: row.name,
      email: row.email,
      role: row.role,
      school: row.school,
      jobTitle: row.job_title,
      networks: row.networks,
      slackUserId: row.slack_user_id,
      teamsAadObjectId: row.teams_aad_object_id,
      dosiFor: row.dosi_for,
    });
  }
  return { rows, problems: byLine(problems), ignoredColumns: header.filter((c) => !(PEOPLE_COLUMNS as readonly string[]).includes(key(c))) };
}

export interface PeopleImportResult {
  added: string[];
  updated: string[];
  unchanged: string[];
  problems: CsvProblem[];
  /** Changes an operator should see: a school's headteacher or DoSI replaced. */
  notes: string[];
}

/**
 * Upserts each row into `d` by email: a new email is a new person, a known one gets the row's
 * name and details and, when new to them, its role. Roles are added, never removed. Rows naming a
 * school or platform id the trust cannot use are reported; the caller applies `d` only when none
 * are (a transaction's draft it then throws away, or a copy), so a file is imported whole or not at all.
 */
export function applyPeople(d: Data, rows: PersonRow[]): PeopleImportResult {
  const result: PeopleImportResult = { added: [], updated: [], unchanged: [], problems: [], notes: [] };
  const before = new Map(d.people.map((p) => [p.id, JSON.stringify(p)]));
  const touched = new Set<Person>();
  const findSchool = (ref: string) => d.schools.find((s) => s.urn === ref || s.id === ref);

  for (const row of rows) {
    const refuse = (column: string, got: string | undefined, expected: string) => result.problems.push({ line: row.line, column, got: shown(got), expected });
    const school = row.school ? findSchool(row.school) : undefined;
    if (row.school && !school) {
      refuse('school', row.school, 'the URN or id of a school of this trust (import the schools with import:gias first)');
      continue;
    }
    const unknown = row.dosiFor.filter((ref) => ref.toLowerCase() !== 'all' && !findSchool(ref));
    if (unknown.length) {
      refuse('dosi_for', unknown.join(';'), 'all, or URNs or ids of schools of this trust');
      continue;
    }
    const existing = d.people.find((p) => p.email.toLowerCase() === row.email);
    const slackClash = row.slackUserId && d.people.find((p) => p !== existing && p.slackUserId === row.slackUserId);
    const teamsClash = row.teamsAadObjectId && d.people.find((p) => p !== existing && p.teamsAadObjectId === row.teamsAadObjectId);
    const clash = slackClash || teamsClash;
    if (clash) {
      const [column, id] = slackClash ? ['slack_user_id', row.slackUserId] : ['teams_aad_object_id', row.teamsAadObjectId];
      refuse(column, id, `an id no one else has: it is ${clash.name}'s (${clash.email})`);
      continue;
    }

    const person = existing ?? newPerson(d.people, row);
    person.name = row.name;
    if (row.jobTitle) person.jobTitle = row.jobTitle;
    if (row.slackUserId) person.slackUserId = row.slackUserId;
    if (row.teamsAadObjectId) person.teamsAadObjectId = row.teamsAadObjectId;
    person.networks = [...new Set([...person.networks, ...row.networks])];
    if (!person.roles.some((g) => g.role === row.role && g.schoolId === school?.id)) person.roles.push({ role: row.role, schoolId: school?.id });
    if (!existing) d.people.push(person);
    touched.add(person);

    if (row.role === 'headteacher') assign(school!, 'headteacherId', person, d, result.notes);
    const dosiSchools = row.dosiFor.some((r) => r.toLowerCase() === 'all') ? d.schools : row.dosiFor.map((ref) => findSchool(ref)!);
    for (const s of dosiSchools) assign(s, 'dosiId', person, d, result.notes);
  }

  for (const p of touched) {
    const was = before.get(p.id);
    (was === undefined ? result.added : was === JSON.stringify(p) ? result.unchanged : result.updated).push(p.name);
  }
  return result;
}

function newPerson(people: Person[], row: PersonRow): Person {
  const slug = slugify(row.email, 80) || 'person';
  let id = slug;
  for (let n = 2; people.some((p) => p.id === id); n++) id = `${slug}-${n}`;
  return { id, name: row.name, email: row.email, roles: [], networks: [] };
}

function assign(school: School, field: 'headteacherId' | 'dosiId', person: Person, d: Data, notes: string[]): void {
  const previous = school[field];
  if (previous === person.id) return;
  if (previous) {
    const was = d.people.find((p) => p.id === previous)?.name ?? previous;
    notes.push(`${school.name}: ${field === 'headteacherId' ? 'headteacher' : 'DoSI'} is now ${person.name} (was ${was})`);
  }
  school[field] = person.id;
}
