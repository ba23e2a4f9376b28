// The trust file (issue 13): the five seed trusts pass trust:check, realistic mistakes fail naming the
// field and its line, and the carter-4 and rag-5 presets can be written as files that read back exactly.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CARTER_4, RAG_5 } from '../../src/domain/categories';
import { parseCadence } from '../../src/trust-file/cadence';
import { readTrustFile, readTrustFileText } from '../../src/trust-file/read-trust-file';
import type { TrustFile } from '../../src/trust-file/schema';
import { toFramework } from '../../src/trust-file/to-framework';

const TSX = path.resolve('node_modules/.bin/tsx');
const FIXTURES = 'test/fixtures/trust-files';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** npm run trust:check -- <file>, as an operator runs it (tsx on the real script, in a process of its own). */
function trustCheck(file: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(TSX, ['scripts/trust-check.ts', file], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' } }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function read(file: string): Promise<TrustFile> {
  const r = await readTrustFile(file);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}: ${p.field}: ${p.message}`).join('\n'));
  return r.trust;
}

const SEEDS = ['flying-high', 'pele', 'flourishing-futures', 'skylark', 'special-partnership'];

/** Each broken file: the field and the line the first problem must name, and words of what is allowed. */
const BROKEN: { file: string; field: string; line: number; says: RegExp }[] = [
  { file: 'misspelt-cadence.yaml', field: 'framework.categories[1].support[0].cadence', line: 16, says: /"fortnighly" is not a cadence: write weekly, fortnightly/ },
  { file: 'rank-twice.yaml', field: 'framework.categories[2].rank', line: 17, says: /rank 1 is used twice/ },
  { file: 'unknown-decider.yaml', field: 'framework.categories[1].decidedBy', line: 14, says: /"director-of-education" is not a role of this trust: use one of ceo, deputy-ceo/ },
  { file: 'question-unknown-category.yaml', field: 'questions[0].points[0].then', line: 21, says: /"purple" is not a category of the framework: use one of green, red/ },
  { file: 'tab-indent.yaml', field: '', line: 6, says: /not valid YAML: a tab is used to indent: YAML indents with spaces only/ },
  { file: 'phase-month.yaml', field: 'round.byPhase[1].month', line: 14, says: /13 is not a month: write 1 to 12 or a month's name/ },
  { file: 'misspelt-field.yaml', field: 'framework.categories[0].color', line: 10, says: /"color" is not a field here: the fields are id, label, short, rank, colour/ },
  { file: 'colour-word.yaml', field: 'framework.categories[1].colour', line: 15, says: /"amber" is not allowed for colour: use one of good, accent, warning, attention, default/ },
  { file: 'missing-label.yaml', field: 'framework.categories[1].label', line: 10, says: /label is missing: it is required/ },
  { file: 'undeclared-hub.yaml', field: 'settings[1].hub', line: 14, says: /hub "Cornwal" is not declared: add it under groupings.hubs \(declared: Cornwall, Devon\)/ },
  { file: 'bad-json.json', field: 'framework.categories[1].rank', line: 7, says: /rank is "one": it must be a whole number, 0 or more/ },
];

describe('npm run trust:check', () => {
  const runs = new Map<string, Run>();
  beforeAll(async () => {
    const files = [...SEEDS.map((s) => `trusts/${s}.yaml`), ...BROKEN.map((b) => `${FIXTURES}/broken/${b.file}`)];
    // Two at a time: the machine has two cores.
    for (let i = 0; i < files.length; i += 2) {
      const batch = files.slice(i, i + 2);
      const results = await Promise.all(batch.map(trustCheck));
      batch.forEach((f, j) => runs.set(f, results[j]!));
    }
  }, 240_000);

  it.each(SEEDS)('passes on trusts/%s.yaml and prints its summary', (seed) => {
    const run = runs.get(`trusts/${seed}.yaml`)!;
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^trusts/${seed}\\.yaml: valid\\n`));
    expect(run.stdout).toMatch(/\nRoles: CEO/);
  });

  it('prints each trust in its own words', () => {
    const out = (s: string) => runs.get(`trusts/${s}.yaml`)!.stdout;
    expect(out('pele')).toContain('Round: annual, by phase: primary in July, secondary in September');
    expect(out('pele')).toMatch(/overlay URGENT ACTION \(UA, attention\)/);
    expect(out('pele')).toContain('Executive Team review (monthly)');
    expect(out('flying-high')).toMatch(/0 Sustain \(A, good\)[\s\S]*3 Stabilise \(D, attention\)/);
    expect(out('flying-high')).toContain('Director of Quality Assurance (hub)');
    expect(out('flying-high')).toContain('Core offer support and challenge day (6 per year)');
    expect(out('flourishing-futures')).toContain('strands Leadership and Governance, Quality of Education, Inclusion');
    expect(out('flourishing-futures')).toContain('Flourishing School Partner deployed (weekly, 0.1 up to 0.2)');
    expect(out('skylark')).toContain('Framework: none (the trust imposes no categories)');
    expect(out('special-partnership')).toContain('Groupings: hubs Cornwall, Plymouth, Devon');
    expect(out('special-partnership')).toContain('(annually, spring)');
  });

  it.each(BROKEN)('fails on $file naming $field and line $line', ({ file, field, line, says }) => {
    const run = runs.get(`${FIXTURES}/broken/${file}`)!;
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const first = run.stderr.split('\n')[0]!;
    expect(first.startsWith(`${FIXTURES}/broken/${file}:${line}: ${field ? `${field}: ` : ''}`)).toBe(true);
    expect(first).toMatch(says);
    expect(run.stderr).toMatch(/problems?; nothing was changed/);
  });

  it('exits 1 with its usage when no file is given', async () => {
    const run = await trustCheck('');
    expect(run.code).toBe(1);
  });
});

describe('reading a trust file', () => {
  it('reads the five seed trusts, each its own model', async () => {
    const [fh, pele, ff, sky, spt] = await Promise.all(SEEDS.map((s) => read(`trusts/${s}.yaml`)));
    expect(fh!.framework!.categories.map((c) => c.short)).toEqual(['A', 'B', 'C', 'D']);
    expect(pele!.framework!.overlay).toMatchObject({ id: 'urgent-action', label: 'URGENT ACTION', rank: 4 });
    expect(pele!.round).toEqual({ cadence: 'annual', byPhase: [{ phase: 'primary', month: 7 }, { phase: 'secondary', month: 9 }] });
    expect(pele!.disputes).toEqual({ raisedBy: ['governor-chair'], decidedBy: 'chair' });
    // No invented cadences: URGENT ACTION and the Rapid Improvement Board have none in their documents.
    expect(pele!.framework!.overlay!.support.every((i) => i.cadence === undefined)).toBe(true);
    const stabilise = ff!.framework!.categories.find((c) => c.id === 'stabilise')!;
    expect(stabilise.reviews.find((i) => i.what === 'Rapid Improvement Board')?.cadence).toBeUndefined();
    const repair = ff!.framework!.categories.find((c) => c.id === 'repair')!;
    expect(repair.support[0]).toMatchObject({ lead: 'Flourishing School Partner', cadence: { kind: 'weekly' }, allocation: '0.1 up to 0.2' });
    expect(Object.keys(repair.benchmarks)).toEqual(['leadership-and-governance', 'quality-of-education', 'inclusion', 'send', 'behaviour-and-attendance', 'safeguarding']);
    const improve = ff!.framework!.categories.find((c) => c.id === 'improve')!;
    expect(improve.reviews.filter((i) => i.times).map((i) => [i.what, i.times])).toEqual([['Trust SG visit', 2], ['Trust SEND Visit', 3]]);
    expect(sky!.framework).toBeUndefined();
    expect(sky!.round).toBeUndefined();
    expect(spt!.calendar[0]).toMatchObject({ term: 'spring', cadence: { kind: 'annually' } });
  });

  it('reads the presets written as files back to the same frameworks', async () => {
    expect(toFramework(await read(`${FIXTURES}/carter-4.yaml`))).toEqual(CARTER_4);
    expect(toFramework(await read(`${FIXTURES}/rag-5.yaml`))).toEqual(RAG_5);
  });

  it('accepts JSON, and gives a small file a half-termly round and the usual questions', async () => {
    const t = await read(`${FIXTURES}/small.json`);
    expect(t.round).toEqual({ cadence: 'half-termly', byPhase: [] });
    expect(t.questionsDefaulted).toBe(true);
    expect(t.questions.map((q) => q.id)).toContain('attendance');
    expect(t.roles.map((r) => r.id)).toEqual(['ceo', 'deputy-ceo', 'dosi', 'sil', 'headteacher', 'staff', 'chair', 'trustee', 'governor', 'governor-chair']);
  });

  it('takes settings of every kind, with an ARB within its school', () => {
    const r = readTrustFileText(`name: T
groupings: { hubs: [Cornwall] }
settings:
  - { id: s, name: S, kind: special-school, hub: Cornwall }
  - { id: a, name: A, kind: arb, within: s }
  - { id: r, name: R, kind: residential, within: s }
  - { id: h, name: H, kind: hospital, phase: secondary }
  - { id: p, name: P, kind: alternative-provision }
  - { id: m, name: M, phase: primary, urn: 100001 }
`);
    expect(r.ok && r.trust.settings.map((s) => s.kind)).toEqual(['special-school', 'arb', 'residential', 'hospital', 'alternative-provision', 'school']);
  });

  it.each([
    ['skylark', ['hospital', 'alternative-provision']],
    ['special-partnership', ['special-school', 'arb', 'residential']],
  ])('takes the settings %s\'s file shows in a comment, once uncommented', async (seed, kinds) => {
    const text = await readFile(`trusts/${seed}.yaml`, 'utf8');
    const example = text.split('\n').filter((l, i, all) => l.startsWith('#   ') && all.slice(0, i).some((x) => x === '#   settings:') || l === '#   settings:');
    const r = readTrustFileText(`${text}\n${example.map((l) => l.slice(4)).join('\n')}\n`);
    expect(r.ok && r.trust.settings.map((s) => s.kind)).toEqual(kinds);
  });

  it('reports every field problem at once, each with its own line', () => {
    const r = readTrustFileText(`name: T
framework:
  name: F
  categories:
    - { id: a, label: A, short: A, rank: 0, colour: green }
    - { id: b, label: B, short: B, rank: -1 }
round: { cadence: fortnightly }
`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.line, p.field])).toEqual([
      [5, 'framework.categories[0].colour'],
      [6, 'framework.categories[1].rank'],
      [7, 'round.cadence'],
    ]);
    expect(r.pending).toMatch(/checks across fields run too/);
  });

  it('reads each cadence form, and no other', () => {
    expect(['weekly', 'fortnightly', 'monthly', 'Half termly', 'termly', 'twice a year', 'annually'].map((c) => parseCadence(c)?.kind)).toEqual([
      'weekly',
      'fortnightly',
      'monthly',
      'half-termly',
      'termly',
      'twice a year',
      'annually',
    ]);
    expect(parseCadence('every 6 school weeks')).toMatchObject({ kind: 'every', unit: 'school weeks', min: 6, max: 6 });
    expect(parseCadence('every 4-6 weeks')).toMatchObject({ kind: 'every', unit: 'weeks', min: 4, max: 6 });
    expect(parseCadence('every 18 months')).toMatchObject({ kind: 'every', unit: 'months', min: 18 });
    expect(parseCadence('3 per year')).toMatchObject({ kind: 'per', count: 3, period: 'year' });
    expect(parseCadence('2 per half term')).toMatchObject({ kind: 'per', count: 2, period: 'half term' });
    for (const bad of ['fortnighly', 'bi-annually', 'every 6-4 weeks', '0 per year', 'every week']) expect(parseCadence(bad)).toBeUndefined();
  });
});
