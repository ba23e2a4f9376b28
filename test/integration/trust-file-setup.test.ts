// setup:trust with a trust file (issue 13): an operator applies one of the shipped trust files to a
// DATA_DIR holding the demo or an imported trust, sees what changes first with --dry-run, and the bot
// then speaks the file's categories. Applying is all or nothing: an invalid file, or one whose removed
// categories would strand placed schools, changes nothing.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { openStoreAt, storeState } from '../helpers/sql-store';
import { replyText, startTestBot } from '../helpers/bot';
import { GIAS_BAD_LINES, PEOPLE_BAD_LINES, csvFrom } from '../helpers/csv-files';
import { runScript as run, tempDirs } from '../helpers/scripts';

// Each script run starts the embedded database in a new process: seconds apiece on a busy machine.
vi.setConfig({ testTimeout: 300_000 });

const temp = tempDirs();
afterEach(() => temp.cleanup());

async function demoDir(): Promise<string> {
  const dir = await temp.make();
  expect(await run('scripts/seed-demo.ts', [], dir)).toMatchObject({ code: 0, stderr: '' });
  return dir;
}

it('Pele Trust’s file on the demo: --dry-run prints the change and writes nothing; applied, the board digest names Pele Trust and history stays', async () => {
  const dir = await demoDir();
  const before = await storeState(dir);

  const dry = await run('scripts/setup-trust.ts', ['trusts/pele.yaml', '--dry-run'], dir);
  expect(dry).toMatchObject({ code: 0, stderr: '' });
  expect(dry.stdout).toMatch(/^Dry run: applying trusts\/pele\.yaml to .* would change:\nTrust: Demo Learning Trust → Pele Trust\nFramework: .*\(rag-5\) → Categories of school effectiveness \(pele-categories\)/);
  // Same ids and labels as the demo's rag-5, in Pele's own words: each category is said to change, not to be added.
  expect(dry.stdout).toMatch(/\n  changed: GREEN \(green\): criteria, support, reviews\n/);
  expect(dry.stdout).not.toMatch(/added|removed/);
  expect(dry.stdout).toMatch(/Roles named: .*Academy Committee member \(governor\)/);
  expect(dry.stdout).toMatch(/Nothing was written\.\n$/);
  expect(await storeState(dir)).toBe(before);

  const applied = await run('scripts/setup-trust.ts', ['trusts/pele.yaml'], dir);
  expect(applied).toMatchObject({ code: 0, stderr: '' });
  expect(applied.stdout).toMatch(/^Updated Pele Trust in .* from trusts\/pele\.yaml:\nTrust: Demo Learning Trust → Pele Trust/);

  const store = await openStoreAt(dir);
  const was = (JSON.parse(before) as { data: { categoryHistory: unknown[]; schools: { categoryId?: string }[] } }).data;
  expect(store.read().trust).toMatchObject({ name: 'Pele Trust', framework: { id: 'pele-categories', overlay: { id: 'urgent-action' } } });
  // Pele's own words, not the rag-5 preset's.
  expect(store.read().trust!.framework.categories.find((c) => c.id === 'green')!.criteria).toContain("Recently judged as securely 'good' or 'outstanding' by Ofsted");
  expect(store.read().categoryHistory).toEqual(was.categoryHistory);
  expect(store.read().schools.map((s) => s.categoryId)).toEqual(was.schools.map((s) => s.categoryId));
  expect((await store.audit()).at(-1)).toMatchObject({ actorId: 'operator', action: 'trust.update', detail: { file: 'trusts/pele.yaml', name: 'Pele Trust', framework: 'pele-categories' } });
  await store.close();

  const t = await startTestBot({ dataDir: dir });
  try {
    expect(t.bot.store.read().trust!.name).toBe('Pele Trust');
    const risk = replyText(await t.as('tom').say('risk'));
    for (const word of ['RED', 'AMBER', 'YELLOW', 'GREEN']) expect(risk).toContain(word);
    expect(replyText(await t.as('helen').say('digest board'))).toMatch(/Pele Trust/);
  } finally {
    await t.stop();
  }
});

it('Flourishing Futures’ file on an imported carter-4 trust: its phases (P1–P4) and strand benchmarks are what the bot shows', async () => {
  const dir = await temp.make();
  expect((await run('scripts/setup-trust.ts', ['--name', 'Example Learning Trust', '--framework', 'carter-4'], dir)).code).toBe(0);
  expect((await run('scripts/import-gias.ts', [await csvFrom('test/fixtures/gias-sample.csv', dir, { without: GIAS_BAD_LINES })], dir)).code).toBe(0);
  expect((await run('scripts/import-people.ts', [await csvFrom('test/fixtures/people-sample.csv', dir, { without: PEOPLE_BAD_LINES })], dir)).code).toBe(0);
  const placed = await openStoreAt(dir);
  await placed.transact((d) => void (d.schools[0]!.categoryId = 'repair'));
  const ceo = placed.read().people.find((p) => p.roles.some((r) => r.role === 'ceo'))!.id;
  await placed.close();

  const applied = await run('scripts/setup-trust.ts', ['trusts/flourishing-futures.yaml'], dir);
  expect(applied).toMatchObject({ code: 0, stderr: '' });
  expect(applied.stdout).toMatch(/Trust: Example Learning Trust → Flourishing Futures\nFramework: .*\(carter-4\) → The 4 Phases of school improvement/);

  const t = await startTestBot({ dataDir: dir, boot: { seedDemo: true } });
  try {
    const d = t.bot.store.read();
    expect(d.trust).toMatchObject({ id: 'example-learning-trust', name: 'Flourishing Futures' });
    expect(d.trust!.framework.categories.map((c) => c.short)).toEqual(['P4', 'P3', 'P2', 'P1']);
    expect(d.trust!.framework.categories.find((c) => c.id === 'repair')!.criteria.some((c) => c.startsWith('Leadership and Governance: '))).toBe(true);
    expect(replyText(await t.as(ceo).say('risk'))).toMatch(/Repair/);
  } finally {
    await t.stop();
  }
});

it('a file whose removed categories strand placed schools is refused, naming them; with replaces: they move, and history keeps the old ids', async () => {
  const dir = await demoDir();
  const before = await storeState(dir);

  const stranded = await run('scripts/setup-trust.ts', ['trusts/flourishing-futures.yaml'], dir);
  expect(stranded.code).toBe(1);
  expect(stranded.stdout).toBe('');
  expect(stranded.stderr).toMatch(/^Not applying trusts\/flourishing-futures\.yaml: 7 school\(s\) are placed in categories it removes without saying where they go: Beacon Primary \(AMBER \(amber\)\), .*Northgate Junior School \(RED \(red\)\)\. Add "replaces: \[<old category id>\]"/);
  expect(await storeState(dir)).toBe(before);
  // The dry run refuses the same way.
  expect((await run('scripts/setup-trust.ts', ['trusts/flourishing-futures.yaml', '--dry-run'], dir)).stderr).toMatch(/^Not applying/);

  const invalid = path.join(dir, 'broken.yaml');
  await writeFile(invalid, 'name: Broken Trust\nframework:\n  name: Ours\n  categories:\n    - { id: a, label: A, short: A, rank: 0 }\n    - { id: b, label: B, short: B, rank: one }\n');
  const bad = await run('scripts/setup-trust.ts', [invalid], dir);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toMatch(new RegExp(`^${invalid.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:6: framework\\.categories\\[1\\]\\.rank: `));
  expect(bad.stderr).toMatch(/1 problem; nothing was changed\./);
  expect(await storeState(dir)).toBe(before);

  // The same file, saying where each old category's schools go.
  let text = await readFile('trusts/flourishing-futures.yaml', 'utf8');
  for (const [to, from] of [['sustain', 'green'], ['improve', 'yellow'], ['repair', 'amber'], ['stabilise', 'red']]) {
    const at = `    - id: ${to}\n`;
    expect(text.split(at)).toHaveLength(2);
    text = text.replace(at, `${at}      replaces: [${from}]\n`);
  }
  const mapped = path.join(dir, 'flourishing-mapped.yaml');
  await writeFile(mapped, text);
  const dry = await run('scripts/setup-trust.ts', [mapped, '--dry-run'], dir);
  expect(dry).toMatchObject({ code: 0, stderr: '' });
  expect(dry.stdout).toContain('  added: Repair (repair), replacing AMBER (amber)');
  expect(dry.stdout).toContain('  removed: URGENT ACTION (urgent-action)');
  expect(dry.stdout).toContain('  moves: Northgate Junior School from RED (red) to Stabilise (stabilise)');
  expect(await storeState(dir)).toBe(before);

  expect(await run('scripts/setup-trust.ts', [mapped], dir)).toMatchObject({ code: 0, stderr: '' });
  const store = await openStoreAt(dir);
  const was = (JSON.parse(before) as { data: { categoryHistory: unknown[] } }).data;
  expect(Object.fromEntries(store.read().schools.map((s) => [s.id, s.categoryId]))).toMatchObject({ beacon: 'repair', riverside: 'sustain', northgate: 'stabilise', meadowbank: 'improve' });
  expect(store.read().categoryHistory).toEqual(was.categoryHistory);
  expect((await store.audit()).at(-1)).toMatchObject({ action: 'trust.update', detail: { moves: { beacon: 'amber→repair', northgate: 'red→stabilise' } } });
  await store.close();

  const t = await startTestBot({ dataDir: dir });
  try {
    const risk = replyText(await t.as('tom').say('risk'));
    expect(risk).toMatch(/Stabilise/);
    expect(risk).not.toMatch(/AMBER|GREEN/);
  } finally {
    await t.stop();
  }
});
