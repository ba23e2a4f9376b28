// The GIAS import: parsing a real-shaped extract (bad rows reported by line and column), and upserting into the real store.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoTrust } from '../../src/seed/demo-trust';
import { GIAS_COLUMNS, GiasFileError, applySchools, parseGiasCsv, rowsOfTrust, type GiasSchool } from '../../src/store/import-gias';
import { openStoreAt } from '../helpers/sql-store';
import type { Store } from '../../src/store/store';

const SAMPLE = path.resolve('test/fixtures/gias-sample.csv');
const header = GIAS_COLUMNS.join(',');
const row = (over: Partial<Record<(typeof GIAS_COLUMNS)[number], string>> = {}) =>
  GIAS_COLUMNS.map(
    (c) =>
      over[c] ??
      {
        URN: '150001',
        'LA (code)': '891',
        'LA (name)': 'Nottinghamshire',
        EstablishmentNumber: '2300',
        EstablishmentName: 'Elm Tree Primary',
        'TypeOfEstablishment (name)': 'Academy converter',
        'PhaseOfEducation (name)': 'Primary',
        StatutoryLowAge: '4',
        StatutoryHighAge: '11',
        'Trusts (code)': 'TR01234',
        'Trusts (name)': 'Demo Learning Trust',
        HeadFirstName: 'Kim',
        HeadLastName: 'Lowe',
      }[c],
  ).join(',');

describe('parseGiasCsv on the sample extract', () => {
  it('reads the good rows, with phases mapped and LAESTAB = LA code + establishment number', async () => {
    const { schools } = parseGiasCsv(await readFile(SAMPLE));
    expect(schools.map((s) => [s.urn, s.phase, s.laestab])).toEqual([
      ['140001', 'primary', '8912001'],
      ['148765', 'secondary', '8914012'],
      ['149001', 'special', '8307003'],
      ['149002', 'primary', '8302204'],
      ['149003', 'middle', '8304501'],
      ['149004', 'nursery', '8911101'],
      ['149009', '16-plus', '8306905'],
    ]);
    // Quoted fields with commas and doubled quotes come through whole.
    expect(schools.find((s) => s.urn === '148765')!.name).toBe('Kingsway Academy, Mansfield');
    expect(schools.find((s) => s.urn === '149002')!.name).toBe('St Anne\'s "The Meadows" CofE Primary');
    expect(schools[0]).toMatchObject({ line: 2, localAuthority: 'Nottinghamshire', trustCode: 'TR01234', head: 'Rachel Green' });
    expect(schools.find((s) => s.urn === '149002')!.head).toBeUndefined();
  });

  it('reports each bad row with its line, column, what it holds and what is allowed', async () => {
    const { problems } = parseGiasCsv(await readFile(SAMPLE));
    expect(problems).toEqual([
      { line: 8, column: 'URN', got: '"1490X5"', expected: 'a URN: 6 or 7 digits' },
      { line: 9, got: '10 fields', expected: expect.stringMatching(/^13: one field per column/) },
      { line: 10, column: 'PhaseOfEducation (name)', got: '"Infant-ish"', expected: expect.stringMatching(/^one of Nursery, Primary, .*Not applicable with both statutory ages/) },
      { line: 11, column: 'LA (code)', got: '"89"', expected: 'a local authority code: 3 digits' },
      { line: 11, column: 'EstablishmentName', got: 'nothing', expected: "the school's name" },
    ]);
  });
});

describe('parseGiasCsv edge cases', () => {
  it('reads a Windows-1252 file (as GIAS downloads have been) and a UTF-8 one with a BOM', () => {
    const name = 'École Saint-Éloi';
    const cp1252 = Buffer.from(`${header}\r\n${row({ EstablishmentName: name })}\r\n`, 'latin1');
    expect(parseGiasCsv(cp1252).schools[0]!.name).toBe(name);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${header}\n${row({ EstablishmentName: name })}\n`, 'utf8')]);
    expect(parseGiasCsv(bom).schools[0]!.name).toBe(name);
  });

  it('takes the phase of special schools and AP from their type, and of "Not applicable" from the ages', () => {
    const csv = [
      header,
      row({ URN: '150002', 'TypeOfEstablishment (name)': 'Free schools alternative provision', 'PhaseOfEducation (name)': 'Secondary' }),
      row({ URN: '150003', 'PhaseOfEducation (name)': 'Not applicable', StatutoryLowAge: '4', StatutoryHighAge: '19' }),
      row({ URN: '150004', 'PhaseOfEducation (name)': 'All-through' }),
      row({ URN: '150005', 'PhaseOfEducation (name)': 'Not applicable', StatutoryLowAge: '', StatutoryHighAge: '' }),
      row({ URN: '150004', EstablishmentName: 'Duplicate' }),
      row({ URN: '150006', StatutoryLowAge: 'four' }),
    ].join('\n');
    const { schools, problems } = parseGiasCsv(csv);
    expect(schools.map((s) => [s.urn, s.phase])).toEqual([
      ['150002', 'alternative-provision'],
      ['150003', 'all-through'],
      ['150004', 'all-through'],
    ]);
    expect(problems.map((p) => [p.line, p.column, p.got, p.expected])).toEqual([
      [5, 'PhaseOfEducation (name)', '"Not applicable"', expect.stringMatching(/^one of /)],
      [6, 'URN', '"150004"', 'each URN once (it is on line 4 too)'],
      [7, 'StatutoryLowAge', '"four"', 'an age in whole years, or nothing'],
    ]);
  });

  it('refuses a file without the GIAS columns, naming them', () => {
    expect(() => parseGiasCsv('URN,Name\n150001,Elm Tree\n')).toThrow(GiasFileError);
    expect(() => parseGiasCsv('URN,Name\n150001,Elm Tree\n')).toThrow(/"LA \(code\)", "LA \(name\)"/);
  });

  it('asks which trust when the file holds several, and picks the one named', () => {
    const { schools } = parseGiasCsv([header, row(), row({ URN: '150009', 'Trusts (code)': 'TR09999', 'Trusts (name)': 'Other Trust' })].join('\n'));
    expect(() => rowsOfTrust(schools)).toThrow(/2 trusts.*TR01234 Demo Learning Trust; TR09999 Other Trust.*--trust/);
    expect(rowsOfTrust(schools, 'TR09999')).toMatchObject({ chosen: [{ urn: '150009' }], otherTrusts: 1 });
    expect(() => rowsOfTrust(schools, 'TR00000')).toThrow(/no school in the file belongs to trust TR00000/);
  });
});

describe('applySchools in a transaction of the real store', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ibot-gias-'));
    store = await openStoreAt(dir);
    let n = 0;
    await seedDemoTrust(store, { now: new Date('2026-11-18T10:00:00Z'), timeZone: 'Europe/London', newId: () => `id-${n++}` });
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const importSchools = (schools: GiasSchool[]) => store.transact((d) => applySchools(d, schools));

  it('upserts by URN: a school already there keeps its id, category, hub, head and Ofsted history', async () => {
    const before = structuredClone(store.read().schools.find((s) => s.urn === '140001')!);
    const { schools } = parseGiasCsv(await readFile(SAMPLE));
    const result = await importSchools(schools);
    expect(result.updated).toEqual([{ name: 'Beacon Primary School', changes: ['name: Beacon Primary → Beacon Primary School', 'laestab: (none) → 8912001'] }]);
    expect(result.added).toHaveLength(6);
    const beacon = store.read().schools.find((s) => s.urn === '140001')!;
    expect(beacon).toEqual({ ...before, name: 'Beacon Primary School', laestab: '8912001', localAuthority: 'Nottinghamshire' });
    expect(store.read().schools).toHaveLength(7 + 6);
    const kingsway = store.read().schools.find((s) => s.urn === '148765')!;
    expect(kingsway).toMatchObject({ id: 'kingsway-academy-mansfield', phase: 'secondary', urgentAction: false, ofsted: [] });
    expect(kingsway.categoryId).toBeUndefined();

    // Importing the same file again changes nothing, and it survives a reopen.
    const again = await importSchools(schools);
    expect(again).toEqual({ added: [], updated: [], unchanged: schools.map((s) => s.name) });
    await store.close();
    store = await openStoreAt(dir);
    expect(store.read().schools).toHaveLength(13);
  });

  it('gives a new school a different id when its name clashes with one already there', async () => {
    const { schools } = parseGiasCsv([header, row({ URN: '150010', EstablishmentName: 'Beacon' })].join('\n'));
    await importSchools(schools);
    expect(store.read().schools.find((s) => s.urn === '150010')!.id).toBe('beacon-150010');
  });
});
