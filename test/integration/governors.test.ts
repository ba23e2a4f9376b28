// Governance as users (issue 13): an Academy Committee / LGB member, its chair and a trustee come in
// through import:people as an operator runs it, into a DATA_DIR holding the demo trust, and the bot
// started on that directory lets a governor read the board digest and nothing that changes a school
// or shows every school's weekly and risk figures (Pele 1 and 7, Flying High 3.1).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { replyText, startTestBot, type TestBot } from '../helpers/bot';
import { runScript, tempDirs } from '../helpers/scripts';

// Each script run and bot start opens the embedded database: seconds apiece on a busy machine.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const temp = tempDirs('ibot-governors-');
let t: TestBot;
let dir: string;
let importOut = '';
const REFUSED = 'Your role does not let you use';

beforeAll(async () => {
  dir = await temp.make();
  // The demo trust, written by a first start on the empty directory.
  await (await startTestBot({ dataDir: dir })).stop();
  const csv = path.join(dir, 'governance.csv');
  await writeFile(
    csv,
    [
      'name,email,role,school',
      'Grace Okoro,grace.okoro@demo-trust.example,governor,140001',
      'Colin Adeyemi,colin.adeyemi@demo-trust.example,governor-chair,140001',
      'Trevor Bell,trevor.bell@demo-trust.example,trustee,',
    ].join('\n') + '\n',
  );
  const r = await runScript('scripts/import-people.ts', [csv], dir);
  expect(r).toMatchObject({ code: 0, stderr: '' });
  importOut = r.stdout;
  t = await startTestBot({ dataDir: dir });
});
afterAll(async () => {
  await t?.stop();
  await temp.cleanup();
});

const idOf = (email: string) => t.bot.store.read().people.find((p) => p.email === email)!.id;

it('imports governors with their school and a trustee without one', () => {
  expect(importOut).toMatch(/Imported 3 row\(s\) into .*: 3 added, 0 updated, 0 unchanged\./);
  const people = t.bot.store.read().people;
  expect(people.find((p) => p.email === 'grace.okoro@demo-trust.example')?.roles).toEqual([{ role: 'governor', schoolId: 'beacon' }]);
  expect(people.find((p) => p.email === 'colin.adeyemi@demo-trust.example')?.roles).toEqual([{ role: 'governor-chair', schoolId: 'beacon' }]);
  expect(people.find((p) => p.email === 'trevor.bell@demo-trust.example')?.roles).toEqual([{ role: 'trustee' }]);
});

it('refuses a governor row without a school, and a trustee row with one, importing nothing', async () => {
  const csv = path.join(dir, 'bad-governance.csv');
  await writeFile(csv, ['name,email,role,school', 'No School,no.school@demo-trust.example,governor,', 'Local Trustee,local.trustee@demo-trust.example,trustee,140001'].join('\n') + '\n');
  await t.stop();
  const r = await runScript('scripts/import-people.ts', [csv], dir);
  t = await startTestBot({ dataDir: dir });
  expect(r.code).toBe(1);
  expect(r.stderr.trimEnd().split('\n')).toEqual([
    "line 2, school: got nothing, expected the URN or school id of the governor's school",
    'line 3, school: got "140001", expected nothing: trustee is trust-wide (a school is only for headteacher, staff, governor and governor-chair rows)',
    'Nothing imported: 2 of 2 row(s) cannot be used (listed above). Fix them and run the import again.',
  ]);
  expect(t.bot.store.read().people.some((p) => p.email.startsWith('no.school') || p.email.startsWith('local.trustee'))).toBe(false);
});

it('lets a governor and their chair read the board digest', async () => {
  for (const email of ['grace.okoro@demo-trust.example', 'colin.adeyemi@demo-trust.example']) {
    const board = replyText(await t.as(idOf(email)).say('digest board'));
    expect(board).not.toContain(REFUSED);
    expect(board).toContain('Board digest: Autumn term');
  }
  expect(replyText(await t.as(idOf('trevor.bell@demo-trust.example')).say('digest board'))).toContain('Board digest: Autumn term');
});

it('refuses a governor what changes a school or shows every school, with the role message, and changes nothing', async () => {
  const grace = t.as(idOf('grace.okoro@demo-trust.example'));
  const before = JSON.stringify(t.bot.store.read());
  const actionId = t.bot.store.read().isapActions.find((a) => a.schoolId === 'beacon')!.id;
  // What they typed or clicked, and the row that refuses it (quoted in the message as "risk history").
  const typed: [string, string][] = [
    ['risk', 'risk history'],
    ['risk open', 'risk open'],
    ['digest', 'digest preview'],
    ['digest weekly', 'digest preview'],
    ['digest risk', 'digest preview'],
    ['approvals', 'approvals list'],
    ['survey new wellbeing', 'survey create'],
    ['forum invite', 'forum invite'],
  ];
  for (const [text, row] of typed) expect(replyText(await grace.say(text)), text).toContain(`${REFUSED} "${row}"`);
  expect(replyText(await grace.act('isap.update', { actionId, rag: 'green', note: 'All done' }))).toContain(`${REFUSED} "isap update"`);
  expect(replyText(await grace.act('approval.decide', { decisionId: 'any', choice: 'approve' }))).toContain(`${REFUSED} "approval decide"`);
  expect(JSON.stringify(t.bot.store.read())).toBe(before);
  // The trustee still reads every school's weekly digest, as before.
  expect(replyText(await t.as(idOf('trevor.bell@demo-trust.example')).say('digest weekly'))).toContain('Weekly SLT digest');
});

it('invites the governors of a school, or all of them, to a forum, and a governor RSVPs; all-staff leaves them out', async () => {
  const SEND = 'send-network-2026-au2';
  const grace = idOf('grace.okoro@demo-trust.example');
  const colin = idOf('colin.adeyemi@demo-trust.example');
  const invited = () => t.bot.store.read().forums.find((f) => f.id === SEND)!.invites.map((i) => i.personId);
  const staff = await t.as('tom').say('forum invite send all-staff:beacon');
  expect(staff.notifications.map((n) => (n.to as { person: string }).person)).not.toContain(grace);
  const beacon = await t.as('tom').say('forum invite send governors:beacon');
  expect(replyText(beacon)).toContain('2 invited (the Academy Committee / LGB of Beacon Primary)');
  expect(invited()).toEqual(expect.arrayContaining([grace, colin]));
  expect(replyText(await t.as('tom').say('forum invite send governors'))).toContain('0 invited (Academy Committee / LGB members). 2 had already been invited.');
  expect(replyText(await t.as('tom').say('forum invite send governors:nowhere'))).toContain('No school matches "nowhere"');
  expect(replyText(await t.as(grace).say('forum'))).toContain('SEND network');
  const rsvp = replyText(await t.as(grace).act('forum.rsvp', { forumId: SEND, response: 'accepted' }));
  expect(rsvp).not.toContain(REFUSED);
  expect(t.bot.store.read().forums.find((f) => f.id === SEND)!.invites.find((i) => i.personId === grace)?.rsvp).toBe('accepted');
});
