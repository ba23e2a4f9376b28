// The redirect card names the school's DSL where the trust records one (the demo trust has Ben
// Carter in the DSL network at Beacon), and `dsl` (the card's button) tells that DSL, privately,
// that a named person needs to talk today: no words of theirs go with it, nothing is kept.
import { describe, expect, it } from 'vitest';
import { cardText, replyText } from '../helpers/bot';
import { useTestBot } from '../helpers/use-bot';

const t = useTestBot();

/** Everything the store holds that a disclosure could have leaked into. */
async function everythingStored(): Promise<string> {
  const s = t.bot.store;
  return JSON.stringify([s.read(), await s.audit(), await s.deliveries()]);
}

describe('the redirect card', () => {
  it('names the DSL of the person’s school, keeps the staff routes and offers the button', async () => {
    const o = await t.as('jo').say('a boy in my class said his stepdad beats him with a belt');
    expect(o.replies[0]!.card).toBe('safeguarding');
    expect(o.notifications).toEqual([]);
    const text = replyText(o);
    expect(text).toContain('Speak to Ben Carter, your Designated Safeguarding Lead');
    expect(text).toMatch(/CPOMS or MyConcern/);
    expect(text).toMatch(/LADO/);
    expect(text).toMatch(/999/);
    expect(text).not.toMatch(/Childline/);
    expect(text).toContain('I need to talk to the DSL');
    expect(await everythingStored()).not.toMatch(/stepdad|belt/);
  });

  it('says "your school’s DSL", with no button, where no DSL is recorded', async () => {
    const o = await t.as('hannah').say('I think a Y9 girl is being groomed by an older man she met on snapchat');
    const text = replyText(o);
    expect(text).toContain("your school's DSL (Designated Safeguarding Lead)");
    expect(text).not.toContain('I need to talk to the DSL');
    expect(await everythingStored()).not.toMatch(/groomed|snapchat/i);
  });
});

describe('dsl', () => {
  it('tells the DSL, privately, that this named person needs to talk today, and confirms it was sent', async () => {
    const o = await t.as('jo').say('dsl');
    expect(replyText(o)).toContain('Sent: Ben Carter will know you need to talk today');
    expect(o.notifications).toHaveLength(1);
    const n = o.notifications[0]!;
    expect(n.to).toEqual({ person: 'ben' });
    expect(cardText(n)).toContain('Jo Williams needs to talk to you today');
  });

  it('is the card’s button too', async () => {
    const o = await t.as('jo').act('dsl', {});
    expect(o.notifications.map((n) => n.to)).toEqual([{ person: 'ben' }]);
  });

  it('sends none of the words typed after it', async () => {
    const o = await t.as('jo').say('dsl it is about the Year 6 residential rota');
    expect(o.notifications).toHaveLength(1);
    expect(JSON.stringify(o.notifications)).not.toMatch(/residential|rota/);
    expect(replyText(o)).toContain('was not sent or kept');
    expect(await everythingStored()).not.toMatch(/residential rota/);
  });

  it('redirects a disclosure typed after it, telling no one and storing nothing', async () => {
    const o = await t.as('jo').say('dsl my mums boyfriend hits me');
    expect(o.replies[0]!.card).toBe('safeguarding');
    expect(o.notifications).toEqual([]);
    expect(await everythingStored()).not.toMatch(/boyfriend hits/);
  });

  it('asked in a channel, answers in the person’s own chat', async () => {
    const o = await t.as('jo').say('dsl', 'local:channel:staffroom');
    expect(o.replies).toHaveLength(1);
    expect(o.notifications.map((n) => n.to)).toEqual(expect.arrayContaining([{ person: 'ben' }, { person: 'jo' }]));
  });

  it('says so when no DSL is recorded for the school, and tells no one', async () => {
    const o = await t.as('hannah').say('dsl');
    expect(replyText(o)).toContain('No DSL is recorded for your school here');
    expect(o.notifications).toEqual([]);
  });
});
