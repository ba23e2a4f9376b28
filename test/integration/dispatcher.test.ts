import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyText, startTestBot, type TestBot } from '../helpers/bot';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(() => t.stop());

describe('dispatcher', () => {
  it('answers help with what the role may do', async () => {
    const ceo = replyText(await t.as('amira').say('help'));
    expect(ceo).toContain('Amira Shah (CEO)');
    expect(ceo).toContain('approvals');
    const teacher = replyText(await t.as('jo').say('help'));
    expect(teacher).toContain('Jo Williams (Staff)');
    expect(teacher).not.toContain('approvals');
  });

  it('answers an unknown word with usage, never silence', async () => {
    const o = await t.as('rachel').say('frobnicate the plan');
    expect(o.replies).toHaveLength(1);
    expect(replyText(o)).toContain('I don\'t know "frobnicate"');
    expect(replyText(o)).toContain('help <command>');
  });

  it('tells someone it does not know who to ask', async () => {
    const o = await t.bot.handle({ actor: { platform: 'teams', userId: 'stranger', name: 'Pat' }, name: 'help', args: [], where: { platform: 'teams', conversationKey: 'x', kind: 'personal' } });
    const text = replyText(o);
    expect(text).toContain("Hello Pat, I don't know you yet");
    expect(text).toContain('Tom Okafor');
  });

  it('matches people by email when the platform id is unknown', async () => {
    const o = await t.bot.handle({ actor: { platform: 'slack', userId: 'UNEW', email: 'Rachel.Green@demo-trust.example' }, name: 'help', args: [], where: { platform: 'slack', conversationKey: 'x', kind: 'personal' } });
    expect(replyText(o)).toContain('Rachel Green (Headteacher)');
  });

  it('handles a de-duplication key once', async () => {
    const cmd = { actor: { platform: 'local' as const, userId: 'tom' }, name: 'help', args: [], where: { platform: 'local' as const, conversationKey: 'local:person:tom', kind: 'personal' as const }, dedupeKey: 'evt-1' };
    const [a, b] = await Promise.all([t.bot.handle(cmd), t.bot.handle(cmd)]);
    expect([a.duplicate, b.duplicate].filter(Boolean)).toHaveLength(1);
    expect((await t.bot.handle(cmd)).duplicate).toBe(true);
  });

  it('redirects a child-protection disclosure and stores nothing of it', async () => {
    const before = JSON.stringify(t.bot.store.read()) + JSON.stringify((await t.bot.store.audit()));
    const o = await t.as('jo').say('isap note a pupil told me her dad hits her at home');
    const text = replyText(o);
    expect(text).toContain('Designated Safeguarding Lead');
    expect(text).toContain('CPOMS');
    expect(text).toContain('999');
    const after = JSON.stringify(t.bot.store.read()) + JSON.stringify((await t.bot.store.audit()));
    expect(after).toBe(before);
    expect(after).not.toContain('hits her');
  });
});

describe('a store without a trust', () => {
  it('is not seeded over when it holds imported schools, and says the trust is not set up', async () => {
    const { mkdtemp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { openStoreAt } = await import('../helpers/sql-store');
    const dir = await mkdtemp(path.join(tmpdir(), 'ibot-import-'));
    const store = await openStoreAt(dir);
    await store.transact((d) => {
      d.schools.push({ id: 'x', urn: '123456', name: 'Imported Academy', phase: 'primary', urgentAction: false, ofsted: [] });
      d.people.push({ id: 'p', name: 'Pat Head', email: 'pat@example.org', roles: [{ role: 'headteacher', schoolId: 'x' }], networks: [] });
    });
    await store.close();
    const b = await startTestBot({ dataDir: dir });
    try {
      expect(b.bot.store.read().schools.map((s) => s.name)).toEqual(['Imported Academy']);
      expect(b.bot.store.read().trust).toBeNull();
      const o = await b.as('p').say('help');
      expect(replyText(o)).toContain('This trust is not set up yet');
    } finally {
      await b.stop();
    }
  });
});

describe('private answers in a shared channel', () => {
  it('sends the CEO decisions asked for in a channel to the asker alone; the channel only hears that', async () => {
    const o = await t.as('amira').say('approvals', 'local:channel:slt');
    expect(o.replies).toHaveLength(1);
    expect(replyText(o)).toContain('Amira, I have sent that to your chat with me');
    expect(replyText(o)).not.toContain('Oakfield');
    const mine = o.notifications.filter((n) => 'person' in n.to && n.to.person === 'amira');
    expect(mine.map((n) => n.card)).toContain('approval');
    // Asked in her own chat, the same command answers there as usual.
    const direct = await t.as('amira').say('approvals');
    expect(direct.replies.some((r) => r.card === 'approval')).toBe(true);
  });

  it('leaves what is meant for the channel in the channel', async () => {
    const o = await t.as('tom').say('digest weekly', 'local:channel:slt');
    expect(replyText(o)).toContain('Weekly SLT digest');
    expect(o.notifications).toHaveLength(0);
  });
});
