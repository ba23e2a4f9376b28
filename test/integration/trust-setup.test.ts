// From an empty DATA_DIR to a real trust, as the README's "Setting up your trust" tells an operator:
// setup:trust → import:gias → import:people → import:calendar → start the bot.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import type { Command } from '../../src/app/command';
import { englandAndWalesBankHolidays } from '../../src/domain/calendar-presets';
import { openStoreAt, storeState } from '../helpers/sql-store';
import { replyText, startTestBot } from '../helpers/bot';
import { GIAS_BAD_LINES, PEOPLE_BAD_LINES, csvFrom } from '../helpers/csv-files';
import { runScript as run, tempDirs } from '../helpers/scripts';

// Each script run starts the embedded database in a new process: seconds apiece on a busy machine.
vi.setConfig({ testTimeout: 300_000 });

const temp = tempDirs();
afterEach(() => temp.cleanup());

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const RACHEL = 'rachel-green-beacon-example-sch-uk';

/** gov.uk's bank-holidays.json as downloaded, for the two calendar years of 2026-27. */
async function bankHolidaysFile(dir: string): Promise<string> {
  const file = path.join(dir, 'bank-holidays.json');
  const events = [...englandAndWalesBankHolidays(2026), ...englandAndWalesBankHolidays(2027)].map((e) => ({ ...e, bunting: true }));
  await writeFile(file, JSON.stringify({ 'england-and-wales': { division: 'england-and-wales', events } }));
  return file;
}

it('an operator sets up a real trust from an empty DATA_DIR, and the bot knows its people (and not the demo’s)', async () => {
  const dir = await temp.make();
  const trust = await run('scripts/setup-trust.ts', ['--name', 'Example Learning Trust', '--framework', 'rag-5', '--teams-tenant', TENANT], dir);
  expect(trust).toMatchObject({ code: 0, stderr: '' });
  expect(trust.stdout).toMatch(/^Set up Example Learning Trust in .*: framework .* \(rag-5\), Teams tenant 72f988bf-.*, 0 school\(s\)\./);

  // The samples without their bad rows (a file with any is refused whole: imports-all-or-nothing.test.ts).
  const gias = await run('scripts/import-gias.ts', [await csvFrom('test/fixtures/gias-sample.csv', dir, { without: GIAS_BAD_LINES })], dir);
  expect(gias).toMatchObject({ code: 0, stderr: '' });
  expect(gias.stdout).toMatch(/Imported 7 school\(s\)/);
  expect(gias.stdout).not.toMatch(/no trust is set up/);

  const people = await run('scripts/import-people.ts', [await csvFrom('test/fixtures/people-sample.csv', dir, { without: PEOPLE_BAD_LINES })], dir);
  expect(people).toMatchObject({ code: 0, stderr: '' });
  expect(people.stdout).toMatch(/Imported 7 row\(s\) into .*: 6 added, 0 updated, 0 unchanged\./);

  const calendar = await run('scripts/import-calendar.ts', ['test/fixtures/term-dates-sample.json', await bankHolidaysFile(dir)], dir);
  expect(calendar).toMatchObject({ code: 0, stderr: '' });
  expect(calendar.stdout).toMatch(/^Set the 2026-27 calendar of Example Learning Trust: six half terms from 2026-09-03 to 2027-07-21, 4 INSET day\(s\)/);

  const before = await openStoreAt(dir);
  expect((await before.audit()).map((a) => [a.actorId, a.action])).toEqual([
    ['operator', 'trust.setup'],
    ['operator', 'schools.import-gias'],
    ['operator', 'people.import'],
    ['operator', 'trust.import-calendar'],
  ]);
  await before.close();

  // Asked to seed the demo (as a start in local mode is), the bot keeps the trust it was given.
  const t = await startTestBot({ dataDir: dir, boot: { seedDemo: true } });
  try {
    const d = t.bot.store.read();
    expect(d.trust).toMatchObject({ id: 'example-learning-trust', name: 'Example Learning Trust', teamsTenantId: TENANT, framework: { id: 'rag-5' } });
    expect(d.trust!.calendar.halfTerms[0]!.start).toBe('2026-09-03');
    expect(d.schools.map((s) => s.urn).sort()).toEqual(['140001', '148765', '149001', '149002', '149003', '149004', '149009']);
    expect(d.people.map((p) => p.name).sort()).toEqual(['Ade Okoro', 'Amara Osei', 'Helen Brook', 'Priya Shah', 'Rachel Green', 'Tomasz Nowak']);

    expect(replyText(await t.as(RACHEL).say('help'))).toMatch(/You are Rachel Green \(Headteacher\)/);
    const isap = replyText(await t.as(RACHEL).say('isap St Anne'));
    expect(isap).toMatch(/ISAP: St Anne's "The Meadows" CofE Primary/);
    expect(replyText(await t.as('amira').say('help'))).toMatch(/I don't know you yet/);

    // The platforms' own ids and emails, as the Slack and Teams adapters pass them.
    const from = (actor: Command['actor'], platform: 'slack' | 'teams'): Command => ({
      actor,
      name: 'help',
      args: [],
      where: { platform, conversationKey: `${platform}:dm`, kind: 'personal' },
    });
    expect(replyText(await t.bot.handle(from({ platform: 'slack', userId: 'U01AMARA01' }, 'slack')))).toMatch(/You are Amara Osei \(CEO\)/);
    expect(replyText(await t.bot.handle(from({ platform: 'teams', userId: '4a8c6f1e-2b3d-4c5e-9f60-718293a4b5c6' }, 'teams')))).toMatch(/You are Ade Okoro \(Headteacher\)/);
    expect(replyText(await t.bot.handle(from({ platform: 'teams', userId: 'aad-unknown', email: 'PRIYA.SHAH@beacon.example.sch.uk' }, 'teams')))).toMatch(/You are Priya Shah \(Staff\)/);
  } finally {
    await t.stop();
  }
});

it('setup:trust refuses a second trust in one line and changes nothing; --update changes the name, framework and tenant only', async () => {
  const dir = await temp.make();
  expect((await run('scripts/setup-trust.ts', ['--name', 'Example Learning Trust', '--framework', 'carter-4'], dir)).code).toBe(0);
  expect((await run('scripts/import-gias.ts', [await csvFrom('test/fixtures/gias-sample.csv', dir, { without: GIAS_BAD_LINES })], dir)).code).toBe(0);
  const db = await storeState(dir);

  const again = await run('scripts/setup-trust.ts', ['--name', 'Another Trust', '--framework', 'rag-5'], dir);
  expect(again.code).toBe(1);
  expect(again.stderr.trim().split('\n')).toEqual(['Example Learning Trust is already set up here; nothing changed. Add --update to change its name, framework or Teams tenant.']);
  expect(await storeState(dir)).toBe(db);

  const bad = await run('scripts/setup-trust.ts', ['--name', 'X', '--framework', 'traffic-lights', '--update'], dir);
  expect(bad).toMatchObject({ code: 1, stderr: 'Unknown framework "traffic-lights": choose one of carter-4, rag-5.\n' });
  const badTenant = await run('scripts/setup-trust.ts', ['--name', 'X', '--framework', 'rag-5', '--teams-tenant', 'contoso', '--update'], dir);
  expect(badTenant.code).toBe(1);
  expect(badTenant.stderr).toMatch(/^--teams-tenant "contoso" is not a Microsoft Entra tenant id/);
  expect((await run('scripts/setup-trust.ts', ['--framework', 'rag-5'], dir)).stderr).toMatch(/^Usage: npm run setup:trust -- --name/);

  const upd = await run('scripts/setup-trust.ts', ['--name', 'Example Schools Trust', '--framework', 'rag-5', '--teams-tenant', TENANT, '--update'], dir);
  expect(upd).toMatchObject({ code: 0, stderr: '' });
  expect(upd.stdout).toMatch(/^Updated Example Schools Trust in .*: framework .* \(rag-5\), Teams tenant 72f988bf-.*, 7 school\(s\)\./);
  const store = await openStoreAt(dir);
  const was = (JSON.parse(db) as { data: unknown }).data as { trust: { id: string; calendar: unknown; settings: unknown } };
  expect(store.read().trust).toMatchObject({ id: was.trust.id, name: 'Example Schools Trust', teamsTenantId: TENANT, calendar: was.trust.calendar, settings: was.trust.settings });
  expect(store.read().schools).toHaveLength(7);
  // A school placed in a rag-5 category: moving back to carter-4 would strand it.
  await store.transact((d) => void (d.schools[0]!.categoryId = 'amber'));
  expect((await store.audit()).at(-1)).toMatchObject({ actorId: 'operator', action: 'trust.update', detail: { name: 'Example Schools Trust', framework: 'rag-5' } });
  await store.close();
  const stranded = await run('scripts/setup-trust.ts', ['--name', 'Example Schools Trust', '--framework', 'carter-4', '--update'], dir);
  expect(stranded.code).toBe(1);
  expect(stranded.stderr).toMatch(/^Not changing the framework to carter-4: 1 school\(s\) are placed in rag-5 categories \(Beacon Primary School\)/);
});

it('import:people writes nothing on a dry run, without a trust or without its columns', async () => {
  const dir = await temp.make();
  const noTrust = await run('scripts/import-people.ts', ['test/fixtures/people-sample.csv'], dir);
  expect(noTrust).toMatchObject({ code: 1, stderr: expect.stringMatching(/^Nothing imported: .* has no trust yet: run npm run setup:trust first\.\n$/) });

  expect((await run('scripts/setup-trust.ts', ['--name', 'Example Learning Trust', '--framework', 'rag-5'], dir)).code).toBe(0);
  expect((await run('scripts/import-gias.ts', [await csvFrom('test/fixtures/gias-sample.csv', dir, { without: GIAS_BAD_LINES })], dir)).code).toBe(0);
  const db = await storeState(dir);

  const dry = await run('scripts/import-people.ts', [await csvFrom('test/fixtures/people-sample.csv', dir, { without: PEOPLE_BAD_LINES }), '--dry-run'], dir);
  expect(dry).toMatchObject({ code: 0, stderr: '' });
  expect(dry.stdout).toMatch(/Dry run: every row can be used; 7 row\(s\) would be imported .* \(6 added, 0 updated, 0 unchanged\); nothing was written\./);
  expect(await storeState(dir)).toBe(db);

  const wrong = await run('scripts/import-people.ts', ['test/fixtures/gias-sample.csv'], dir);
  expect(wrong.code).toBe(1);
  expect(wrong.stderr).toMatch(/^Nothing imported: the file lacks the columns name, email, role/);
  expect(await storeState(dir)).toBe(db);
});
