// Who may do what, checked against a matrix written out by hand below, not read from the table in
// src/app/permissions.ts it checks: a wrong entry there (a Trustee given `isap.add`, a Headteacher
// losing `risk.dispute`) fails this test. Every row is tried for one person holding each role, in
// Teams, as Teams sends it: a typed command in their 1:1 chat, a card action's invoke. A refusal is
// what they read: "Your role does not let you use ...".
//
// Where the matrix comes from: docs/roles.md as reviewed, and the trust documents in shared/seeds.
// The executive team (CEO, Deputy CEO, Director of School Improvement / School Improvement Lead) runs
// risk rounds, categories, forums and the talent register (Pele Trust, "Executive Team (CEO; Deputy
// CEO; School Improvement Lead)"; talent nominations start with the Headteacher and are considered by
// the Executive Team). A school's view that differs on its category is put by the school, and the
// final decision sits with the Chair of the Board: so only a Headteacher disputes, and the Chair
// decides disputes. Trustees and the Chair hold leaders to account (Skylark 1.5, Flying High 3.8):
// they read the risk meeting, overdue actions, survey results and digests, and change nothing.
// Staff see their own actions, answer surveys and RSVP; they never read survey results.
// Academy Committee / LGB members and their chairs (Pele 1 and 7: the second layer of monitoring,
// headteachers report to them; Flying High 3.1: the LGB holds the school to account under its Scheme
// of Delegation) read the board digest and come to forums (termly governor hubs); they run no round,
// change no plan, decide nothing and do not read every school's weekly or risk figures.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../src/app/permissions';
import { rolesDoc } from '../../src/app/roles-doc';
import { ROLES, type Role } from '../../src/domain/people';
import { startFakeConnector, type FakeConnector } from '../fakes/teams-connector';
import { startTestBot, type TestBot } from '../helpers/bot';
import { cardAction, cardOf, demoUser, message, postActivity, textOf, type TeamsUser } from '../helpers/teams-activities';

/**
 * The matrix, by hand. Columns: CEO, Deputy CEO, Director of School Improvement, School Improvement
 * Lead, Headteacher, Staff, Chair of the Board, Trustee, Academy Committee / LGB member (governor), its
 * chair (governor-chair). `x` may, `.` may not.
 */
const MATRIX = `
help              x x x x x x x x x x
home              x x x x x x x x x x
dsl               x x x x x x x x . .
risk.meeting      x x x x . . x x . .
risk.open         x x x x . . . . . .
risk.questions    . . x x x . . . . .
risk.answer       . . x x x . . . . .
risk.review       x x x x . . . . . .
risk.decide       x x x x . . . . . .
risk.publish      x x x x . . . . . .
risk.history      x x x x x . x x . .
risk.dispute      . . . . x . . . . .
isap.mine         x x x x x x x x . .
isap.open         x x x x x x x x . .
isap.overdue      x x x x x . x x . .
isap.add          x x x x x . . . . .
isap.update       x x x x x x . . . .
isap.complete     x x x x x x . . . .
isap.extend       x x x x x x . . . .
isap.snooze       x x x x x x . . . .
forum.list        x x x x x x x x x x
forum.create      x x x x . . . . . .
forum.invite      x x x x . . . . . .
forum.responses   x x x x . . . . . .
forum.rsvp        x x x x x x x x x x
talent.list       x x x x x . . . . .
talent.search     x x x x x . . . . .
talent.nominate   . . . . x . . . . .
talent.reference  . . . . x . . . . .
talent.visit      x x x x . . . . . .
talent.refresh    x x x x . . . . . .
talent.renew      x x x x . . . . . .
survey.list       x x x x x x x x . .
survey.create     x x x x x . . . . .
survey.open       x x x x x . . . . .
survey.close      x x x x x . . . . .
survey.post       x x x x x . . . . .
survey.answer     x x x x x x x x . .
survey.results    x x x x x . x x . .
survey.export     x x x x x . x x . .
approvals.list    x x x . . . x . . .
approval.decide   x x x . . . x . . .
approval.view     x x x x x x x x . .
digest.preview    x x x x . . x x . .
digest.board      x x x x . . x x x x
digest.subscribe  x x x x . . . . . .
digest.send       x x x x . . . . . .
`;
const COLUMNS: Role[] = ['ceo', 'deputy-ceo', 'dosi', 'sil', 'headteacher', 'staff', 'chair', 'trustee', 'governor', 'governor-chair'];
const EXPECTED = new Map(
  MATRIX.trim()
    .split('\n')
    .map((line) => {
      const [key, ...marks] = line.trim().split(/\s+/);
      if (marks.length !== COLUMNS.length || marks.some((m) => m !== 'x' && m !== '.')) throw new Error(`matrix line "${line}" is malformed`);
      return [key!, new Set(COLUMNS.filter((_, i) => marks[i] === 'x'))] as const;
    }),
);

/** One Teams user per role; the demo trust has no SIL, Trustee or governors, so they are added here. */
const amira = demoUser(1, 'Amira Shah');
const tom = demoUser(2, 'Tom Okafor');
const rachel = demoUser(3, 'Rachel Green');
const jo = demoUser(5, 'Jo Williams');
const helen = demoUser(6, 'Helen Price');
const mark: TeamsUser = { id: '29:user-mark', name: 'Mark Ellis' }; // found by the roster's email, as Teams gives it
const sil = demoUser(901, 'Sunita Lal');
const tess = demoUser(902, 'Tess Trustee');
const gina = demoUser(903, 'Gina Governor');
const colin = demoUser(904, 'Colin Chair');
const USERS: Record<Role, TeamsUser> = { ceo: amira, 'deputy-ceo': mark, dosi: tom, sil, headteacher: rachel, staff: jo, chair: helen, trustee: tess, governor: gina, 'governor-chair': colin };

let t: TestBot;
let fake: FakeConnector;
let o: { serviceUrl: string };

beforeAll(async () => {
  fake = await startFakeConnector();
  o = { serviceUrl: fake.url };
  fake.roster.push({ id: mark.id, name: mark.name, email: 'mark.ellis@demo-trust.example' });
  t = await startTestBot({ boot: { playground: false } });
  await t.bot.store.transact((d) => {
    d.people.push(
      { id: 'sil-test', name: sil.name, email: 'sunita.lal@demo-trust.example', roles: [{ role: 'sil' }], networks: [], teamsAadObjectId: sil.aadObjectId },
      { id: 'trustee-test', name: tess.name, email: 'tess@demo-trust.example', roles: [{ role: 'trustee' }], networks: [], teamsAadObjectId: tess.aadObjectId },
      { id: 'governor-test', name: gina.name, email: 'gina@demo-trust.example', roles: [{ role: 'governor', schoolId: 'beacon' }], networks: [], teamsAadObjectId: gina.aadObjectId },
      { id: 'governor-chair-test', name: colin.name, email: 'colin@demo-trust.example', roles: [{ role: 'governor-chair', schoolId: 'beacon' }], networks: [], teamsAadObjectId: colin.aadObjectId },
    );
  });
});
afterAll(async () => {
  await t.stop();
  await fake.close();
});

const REFUSED = 'Your role does not let you use';

/** What the person reads after typing the command in their 1:1 chat with the bot. */
async function typed(who: TeamsUser, text: string): Promise<string> {
  const conversationId = `a:personal-${who.id}`;
  const before = fake.posted().length;
  const res = await postActivity(t.url, message(who, text, { ...o, conversationId }));
  expect(res.status).toBe(200);
  return fake
    .posted()
    .slice(before)
    .filter((p) => p.conversationId === conversationId)
    .map((p) => `${p.activity.text ?? ''}\n${textOf(cardOf(p.activity))}`)
    .join('\n');
}

/** What the person reads after a card's button sends the action (with no data: a refusal comes first). */
async function clicked(who: TeamsUser, verb: string): Promise<string> {
  const res = await postActivity(t.url, cardAction(who, verb, {}, { ...o, conversationId: `a:personal-${who.id}` }));
  expect(res.status).toBe(200);
  const value = res.body?.value;
  return typeof value === 'string' ? value : textOf(value);
}

describe('roles matrix', () => {
  it('has a hand-written row for every row of the table, and no other', () => {
    expect([...EXPECTED.keys()].sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  it('docs/roles.md is the table in permissions.ts', () => {
    expect(readFileSync(new URL('../../docs/roles.md', import.meta.url), 'utf8')).toBe(rolesDoc());
  });

  it('every row is used by a command or an action, and every command has a row', () => {
    const used = new Set<string>(t.bot.dispatcher.workflows.flatMap((w) => [...w.commands.map((c) => c.key), ...w.actions.map((a) => a.verb)]));
    used.add('help');
    expect([...EXPECTED.keys()].filter((k) => !used.has(k))).toEqual([]);
    expect([...used].filter((k) => !EXPECTED.has(k))).toEqual([]);
  });

  it('is enforced in Teams for every role on every row', { timeout: 600_000 }, async () => {
    const words = new Map<string, string>([['help', 'help']]);
    const verbs = new Set<string>();
    for (const w of t.bot.dispatcher.workflows) {
      for (const c of w.commands) words.set(c.key, c.words.join(' '));
      for (const a of w.actions) verbs.add(a.verb);
    }
    const wrong: string[] = [];
    // One person per role at a time, the roles side by side: each chat keeps Teams' pace on its own.
    await Promise.all(
      ROLES.map(async (role) => {
        for (const [key, allowed] of EXPECTED) {
          const text = verbs.has(key) ? await clicked(USERS[role], key) : await typed(USERS[role], words.get(key)!);
          if (!text.trim()) wrong.push(`${key} as ${role}: no answer`);
          else if (text.includes(REFUSED) === allowed.has(role)) wrong.push(`${key} as ${role}: ${allowed.has(role) ? 'refused, but may' : 'allowed, but may not'}`);
          // Bare commands and empty card data get a usage or a "what to fill in" answer, never a crash.
          if (/Something went wrong|INTERNAL/.test(text)) wrong.push(`${key} as ${role}: crashed`);
        }
      }),
    );
    expect(wrong.sort()).toEqual([]);
  });

  it('audits every refusal', async () => {
    const before = (await t.bot.store.audit()).length;
    expect(await clicked(jo, 'approval.decide')).toContain(REFUSED);
    const entry = (await t.bot.store.audit()).slice(before).find((e) => e.outcome === 'refused');
    expect(entry).toMatchObject({ actorId: 'jo', action: 'approval.decide' });
  });
});
