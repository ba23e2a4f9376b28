// The roles matrix, row by row, through the real dispatcher: for every command and card action,
// a person holding each role is refused exactly when the matrix says so.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, type PermissionKey } from '../../src/app/permissions';
import { rolesDoc } from '../../src/app/roles-doc';
import { ROLES, type Role } from '../../src/domain/people';
import { replyText, startTestBot, type TestBot } from '../helpers/bot';

let t: TestBot;
/** One person per role; the demo trust has no SIL or trustee, so they are added here. */
const personFor: Record<Role, string> = {
  ceo: 'amira', 'deputy-ceo': 'mark', dosi: 'tom', sil: 'sil-test', headteacher: 'rachel', staff: 'jo', chair: 'helen', trustee: 'trustee-test',
};

beforeAll(async () => {
  t = await startTestBot();
  await t.bot.store.transact((d) => {
    d.people.push(
      { id: 'sil-test', name: 'Sil Lead', email: 'sil@demo-trust.example', roles: [{ role: 'sil' }], networks: [] },
      { id: 'trustee-test', name: 'Tess Trustee', email: 'tess@demo-trust.example', roles: [{ role: 'trustee' }], networks: [] },
    );
  });
});
afterAll(() => t.stop());

const refused = (text: string) => text.includes('Your role does not let you use');

describe('roles matrix', () => {
  it('docs/roles.md is the table in permissions.ts', () => {
    expect(readFileSync(new URL('../../docs/roles.md', import.meta.url), 'utf8')).toBe(rolesDoc());
  });

  it('every row is used by a command or an action, and every command has a row', () => {
    const used = new Set<string>(t.bot.dispatcher.workflows.flatMap((w) => [...w.commands.map((c) => c.key), ...w.actions.map((a) => a.verb)]));
    used.add('help');
    expect(Object.keys(PERMISSIONS).filter((k) => !used.has(k))).toEqual([]);
  });

  const rows = () =>
    t.bot.dispatcher.workflows.flatMap((w) => [
      ...w.commands.map((c) => ({ key: c.key as PermissionKey, run: (who: string) => t.as(who).say(c.words.join(' ')) })),
      ...w.actions.map((a) => ({ key: a.verb as PermissionKey, run: (who: string) => t.as(who).act(a.verb, {}) })),
    ]);

  it('is enforced for every role on every row', async () => {
    const mismatches: string[] = [];
    const crashes: string[] = [];
    for (const row of rows()) {
      for (const role of ROLES) {
        const allowed = (PERMISSIONS[row.key].roles as readonly Role[]).includes(role);
        const o = await row.run(personFor[role]);
        const text = o.replies.length ? replyText(o) : '';
        if (refused(text) === allowed) mismatches.push(`${row.key} as ${role}: ${allowed ? 'refused but allowed' : 'allowed but refused'}`);
        // Bare commands and empty card data get a usage or a "what to fill in" answer, never a crash.
        if (o.replies.some((r) => r.data.code === 'INTERNAL')) crashes.push(`${row.key} as ${role}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(crashes).toEqual([]);
  });

  it('audits every refusal', async () => {
    const before = (await t.bot.store.audit()).length;
    await t.as('jo').act('approval.decide', {});
    const entry = (await t.bot.store.audit()).slice(before).find((e) => e.outcome === 'refused');
    expect(entry).toMatchObject({ actorId: 'jo', action: 'approval.decide' });
  });
});
