// Forum responses and the forum list at 1,000 schools: who is expected but not coming first, then
// who has not answered, a page at a time, each page within Teams' and Slack's limits; the list of
// upcoming forums soonest first, paged instead of cut off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { View } from '../../src/app/command';
import { renderCard } from '../../src/cards/render';
import { cardProblems } from '../../src/cards/validate';
import { cardToBlocks } from '../../src/channels/slack/blockkit';
import { replyText, startTestBot, type TestBot } from '../helpers/bot';

let t: TestBot;
const FORUM = 'scale-sif';
beforeAll(async () => {
  t = await startTestBot();
  await t.bot.store.transact((d) => {
    const base = d.schools.find((s) => s.id === 'beacon')!;
    const cats = d.trust!.framework.categories.map((c) => c.id);
    const invites = [];
    for (let i = 0; i < 1000; i++) {
      const id = `scale-${i}`;
      d.schools.push({ ...structuredClone(base), id, urn: String(900000 + i), name: `Scale Academy ${String(i).padStart(4, '0')}`, categoryId: cats[i % cats.length], headteacherId: `head-${i}` });
      d.people.push({ id: `head-${i}`, name: `Head Teacher ${String(i).padStart(4, '0')}`, email: `head${i}@example.org`, roles: [{ role: 'headteacher', schoolId: id }], networks: [] });
      const rsvp = (['accepted', 'declined', 'tentative', undefined] as const)[i % 4];
      invites.push({ personId: `head-${i}`, invitedAt: '2026-11-02T09:00:00Z', expected: false, ...(rsvp ? { rsvp, rsvpAt: '2026-11-03T09:00:00Z' } : {}) });
    }
    d.forums.push({ id: FORUM, title: 'School Improvement Forum, all schools', kind: 'school-improvement', startsAt: '2026-12-07T13:30:00Z', endsAt: '2026-12-07T15:30:00Z', expectedCategories: cats.slice(-2), invites, createdById: 'tom' });
    for (let k = 0; k < 30; k++) {
      const day = String(1 + k).padStart(2, '0');
      d.forums.push({ id: `net-${k}`, title: `Network meeting ${k}`, kind: 'send', startsAt: `2027-01-${day}T15:30:00Z`, endsAt: `2027-01-${day}T16:30:00Z`, expectedCategories: [], invites: [], createdById: 'tom' });
    }
  });
}, 60_000);
afterAll(() => t.stop());

const measure = (view: View) => {
  const card = renderCard(view);
  expect(cardProblems(card)).toEqual([]);
  return { bytes: JSON.stringify(card).length, blocks: cardToBlocks(card).blocks.length };
};

describe('forum lists at 1,000 schools', () => {
  it('puts the expected schools not coming first, then those who have not answered, a page at a time', async () => {
    const o = await t.as('tom').say(`forum responses ${FORUM}`);
    const text = replyText(o);
    expect(text).toMatch(/^Responses: School Improvement Forum, all schools \(page 1 of \d+\)/);
    expect(text).toContain('1000 invited: 250 accepted, 250 tentative, 250 declined, 250 not answered.');
    const expected = text.search(/Expected \(.+\) but not coming \(\d+\)/);
    expect(expected).toBeGreaterThan(0);
    expect(text.indexOf('Accepted (250)')).toBe(-1); // not on the first page: the worst come first
    expect(text).toMatch(new RegExp(`… and \\d+ more: type forum responses ${FORUM} page 2`));
    const m = measure(o.replies[0]!);
    expect(m.bytes).toBeLessThan(20_000);
    expect(m.blocks).toBeLessThan(50);
    console.log(`forum responses, 1,000 invited: ${m.bytes} bytes, ${m.blocks} Slack blocks`);
    const last = replyText(await t.as('tom').say(`forum responses ${FORUM} page 99`));
    expect(last).toContain('Accepted (250)');
  });

  it('lists upcoming forums soonest first, paged rather than cut off', async () => {
    const o = await t.as('tom').say('forum');
    const text = replyText(o);
    expect(text).toMatch(/^Upcoming forums \(page 1 of \d+\)/);
    expect(text).toMatch(/… and \d+ more: type forum page 2/);
    const m = measure(o.replies[0]!);
    expect(m.bytes).toBeLessThan(20_000);
    expect(m.blocks).toBeLessThan(50);
    console.log(`forum list, 33 forums: ${m.bytes} bytes, ${m.blocks} Slack blocks`);
    const pages = Number(text.match(/page 1 of (\d+)/)![1]);
    expect(replyText(await t.as('tom').say(`forum page ${pages}`))).toContain('Network meeting 29');
  });
});
