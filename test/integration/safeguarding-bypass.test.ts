// Review: free text that reads like a disclosure must be redirected however it is typed, and nothing
// of it may reach the store.
import { describe, expect, it } from 'vitest';
import { looksLikeDisclosure } from '../../src/domain/safeguarding';
import { useTestBot } from '../helpers/use-bot';

const t = useTestBot();

describe('safeguarding screen', () => {
  it('catches a disclosure typed with a phone keyboard’s curly apostrophe', () => {
    expect(looksLikeDisclosure("She doesn't feel safe at home")).toBe(true);
    expect(looksLikeDisclosure('She doesn’t feel safe at home')).toBe(true);
    expect(looksLikeDisclosure('He don’t feel safe at home')).toBe(true);
  });

  it('catches plurals and other forms: allegations, discloses, disclosures', () => {
    expect(looksLikeDisclosure('There are allegations from a Year 5 child about Mrs Smith')).toBe(true);
    expect(looksLikeDisclosure('She discloses that her stepdad hurt her')).toBe(true);
    expect(looksLikeDisclosure('Two disclosures this week about being hit at home')).toBe(true);
  });

  it('redirects an ISAP note with a curly apostrophe and stores nothing of it', async () => {
    const a = t.bot.store.read().isapActions.find((x) => x.ownerId === 'jo' && x.status === 'open')!;
    const o = await t.as('jo').act('isap.update', { actionId: a.id, note: 'Pupil in Y1 doesn’t feel safe at home' });
    expect(o.replies[0]!.card).toBe('safeguarding');
    const after = t.bot.store.read().isapActions.find((x) => x.id === a.id)!;
    expect(JSON.stringify(after)).not.toContain('feel safe');
    expect(JSON.stringify((await t.bot.store.audit()))).not.toContain('feel safe');
  });

  it('screens the first word of a typed message too', async () => {
    const o = await t.as('jo').say('Allegation about a member of staff today');
    expect(o.replies[0]!.card).toBe('safeguarding');
  });
});
