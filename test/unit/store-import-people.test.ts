// The people import's rules, on a document in memory: upsert by email, roles added, schools linked.
import { expect, it } from 'vitest';
import type { School } from '../../src/domain/schools';
import { applyPeople, parsePeopleCsv } from '../../src/store/import-people';
import { DataSchema, emptyData, type Data } from '../../src/store/schema';

const school = (id: string, urn: string, name: string): School => ({ id, urn, name, phase: 'primary', urgentAction: false, ofsted: [] });
function trustData(): Data {
  const d = emptyData();
  d.schools = [school('beacon', '140001', 'Beacon Primary'), school('hillcrest', '140003', 'Hillcrest Primary')];
  return d;
}
const csv = (...lines: string[]) => parsePeopleCsv(['name,email,role,school,slack_user_id,dosi_for,networks', ...lines].join('\n'));

it('a second row for the same email, in any case, adds a role to the same person; a rerun changes nothing', () => {
  const d = trustData();
  const { rows, problems } = csv(
    'Rachel Green,Rachel.Green@Example.org,headteacher,140001,U1,,DSL',
    'Rachel Green,rachel.green@example.org,headteacher,hillcrest,,,SENDCO',
  );
  expect(problems).toEqual([]);
  const first = applyPeople(d, rows);
  expect(first).toMatchObject({ added: ['Rachel Green'], updated: [], problems: [] });
  expect(d.people).toEqual([
    expect.objectContaining({
      id: 'rachel-green-example-org',
      email: 'rachel.green@example.org',
      slackUserId: 'U1',
      networks: ['DSL', 'SENDCO'],
      roles: [{ role: 'headteacher', schoolId: 'beacon' }, { role: 'headteacher', schoolId: 'hillcrest' }],
    }),
  ]);
  expect(d.schools.map((s) => s.headteacherId)).toEqual(['rachel-green-example-org', 'rachel-green-example-org']);
  expect(DataSchema.safeParse(d).success).toBe(true);
  expect(applyPeople(d, rows)).toMatchObject({ added: [], updated: [], unchanged: ['Rachel Green'] });
  expect(d.people).toHaveLength(1);
});

it('dosi_for links schools by URN, id or all, and a new headteacher replaces the old one with a note', () => {
  const d = trustData();
  applyPeople(d, csv('Ann Lee,ann@example.org,headteacher,beacon,,,', 'Tom Okafor,tom@example.org,dosi,,,140003,').rows);
  expect(d.schools.map((s) => [s.headteacherId, s.dosiId])).toEqual([['ann-example-org', undefined], [undefined, 'tom-example-org']]);
  const r = applyPeople(d, csv('Bo Day,bo@example.org,headteacher,140001,,,', 'Sue Ray,sue@example.org,sil,,,all,').rows);
  expect(r.notes).toEqual(['Beacon Primary: headteacher is now Bo Day (was Ann Lee)', 'Hillcrest Primary: DoSI is now Sue Ray (was Tom Okafor)']);
  expect(d.schools.map((s) => [s.headteacherId, s.dosiId])).toEqual([['bo-example-org', 'sue-example-org'], [undefined, 'sue-example-org']]);
});

it('rows the trust cannot use are reported by line and column, and change nothing', () => {
  const d = trustData();
  applyPeople(d, csv('Amira Shah,amira@example.org,ceo,,U1,,').rows);
  const before = JSON.stringify(d);
  const { rows, problems } = csv(
    'No Email,,staff,140001,,,',
    'Sam Patel,sam@example.org,headteacher,140001,U1,,',
    'Jo Bloggs,jo@example.org,staff,140009,,,',
    'Helen Brook,helen@example.org,chair,140001,,,',
    'Kay Orr,kay@example.org,ceo,,,140001,',
    'Tim Fox,tim@example.org,dosi,,,999999,',
    'Short Row,short@example.org',
  );
  const r = applyPeople(d, rows);
  expect([...problems, ...r.problems].sort((a, b) => a.line - b.line)).toEqual([
    { line: 2, column: 'email', got: 'nothing', expected: 'an email address' },
    { line: 3, column: 'slack_user_id', got: '"U1"', expected: "an id no one else has: it is Amira Shah's (amira@example.org)" },
    { line: 4, column: 'school', got: '"140009"', expected: 'the URN or id of a school of this trust (import the schools with import:gias first)' },
    { line: 5, column: 'school', got: '"140001"', expected: 'nothing: chair is trust-wide (a school is only for headteacher, staff, governor and governor-chair rows)' },
    { line: 6, column: 'dosi_for', got: '"140001"', expected: 'nothing: dosi_for is only for dosi and sil rows' },
    { line: 7, column: 'dosi_for', got: '"999999"', expected: 'all, or URNs or ids of schools of this trust' },
    { line: 8, got: '2 fields', expected: expect.stringMatching(/^7: one field per column/) },
  ]);
  expect(JSON.stringify(d)).toBe(before);
});

it('reads columns in any order and case, and names the columns it does not use', () => {
  const { rows, ignoredColumns } = parsePeopleCsv('Email,Name,Role,Job Title,Phone\nkim@example.org,"O\'Neill, Kim",Trustee,"Trustee, finance",0115\n');
  expect(rows).toEqual([expect.objectContaining({ name: "O'Neill, Kim", email: 'kim@example.org', role: 'trustee', jobTitle: 'Trustee, finance' })]);
  expect(ignoredColumns).toEqual(['Phone']);
});
