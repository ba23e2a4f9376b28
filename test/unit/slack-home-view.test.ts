// The App Home view (src/app/views/home.ts) on the demo trust: each person's own open items.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { homeView, HOME_LIST_MAX } from '../../src/app/views/home';
import { renderCard } from '../../src/cards/render';
import { cardProblems } from '../../src/cards/validate';
import { cardToBlocks } from '../../src/channels/slack/blockkit';
import { cardText, startTestBot, type TestBot } from '../helpers/bot';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(() => t.stop());

const home = (personId: string) => {
  const data = t.bot.store.read();
  return homeView(data, data.people.find((p) => p.id === personId)!, t.clock.now, 'Europe/London');
};
const items = (v: ReturnType<typeof home>, list: string) => (v.data[list] as { items: { title: string; detail: string }[] }).items;

describe('home view', () => {
  it('lists a headteacher\'s own actions, overdue first, and the forum she has not answered', () => {
    const v = home('rachel');
    const actions = items(v, 'actions');
    expect(actions.map((a) => a.title.split(':')[0])).toEqual(['Attendance', 'Governors visit to review the curriculum in foundation subjects']);
    expect(actions[0]!.detail).toMatch(/^Beacon Primary · overdue since \w{3} \d+ Nov · ⚠️ At risk$/);
    expect(actions[1]!.detail).toContain('· due ');
    expect(items(v, 'decisions')).toEqual([]);
    expect(items(v, 'surveys')).toEqual([]); // the wellbeing pulse asks staff
    expect(items(v, 'forums')).toEqual([expect.objectContaining({ title: expect.stringContaining('School Improvement Forum'), detail: expect.stringContaining('you are expected to attend') })]);
    expect(cardText(v)).toContain('1 overdue action.');
  });

  it('drops a forum once answered, shows the CEO her decision and a teacher the open survey', async () => {
    await t.bot.store.transact((d) => {
      const invite = d.forums[0]!.invites.find((i) => i.personId === 'rachel')!;
      invite.rsvp = 'accepted';
      invite.rsvpAt = t.clock.now.toISOString();
    });
    expect(items(home('rachel'), 'forums')).toEqual([]);
    expect(items(home('amira'), 'decisions').map((d) => d.title)).toEqual(['Move Oakfield Academy from 🟠 AMBER to 🔴 RED']);
    expect(items(home('jo'), 'surveys').map((s) => s.title)).toEqual([expect.stringContaining('Staff wellbeing pulse')]);
    expect(items(home('jo'), 'actions').map((a) => a.title)).not.toContain('Year 6 writing moderation with Riverside');
  });

  it('caps each list and says how many more, within the card and Slack\'s Home tab limits', async () => {
    await t.bot.store.transact((d) => {
      const base = d.isapActions.find((a) => a.ownerId === 'jo')!;
      for (let i = 0; i < 40; i++) d.isapActions.push({ ...base, id: `extra-${i}`, title: `Extra action ${i}`, due: '2026-12-01', status: 'open' });
    });
    const v = home('jo');
    expect(items(v, 'actions')).toHaveLength(HOME_LIST_MAX);
    expect((v.data.actions as { more: string }).more).toBe(`…and ${41 - HOME_LIST_MAX} more: type isap`);
    const card = renderCard(v);
    expect(cardProblems(card)).toEqual([]);
    expect(cardToBlocks(card, 'home').blocks.length).toBeLessThanOrEqual(100);
  });
});
