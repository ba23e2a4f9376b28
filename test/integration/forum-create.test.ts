// Scheduling a forum in chat: the DoSI fills in the form, then invites.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCard } from '../../src/cards/render';
import { cardProblems } from '../../src/cards/validate';
import { cardText, replyText, startTestBot, type TestBot } from '../helpers/bot';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(() => t.stop());

const form = { title: 'DSL network, Autumn 2', kind: 'dsl', date: '2026-12-02', start: '15:45', end: '17:00', location: 'Online', expectedCategories: 'amber,red' };

describe('forum new', () => {
  it('gives the DoSI a valid form with the kinds and the trust\'s categories', async () => {
    const o = await t.as('tom').say('forum new');
    const text = cardText(o.replies[0]!);
    expect(text).toContain('New forum or network meeting');
    expect(text).toContain('DSL network');
    expect(text).toContain('AMBER');
    expect(cardProblems(renderCard(o.replies[0]!))).toEqual([]);
  });

  it('saves the forum in London time and says how to invite; invitations then work', async () => {
    const o = await t.as('tom').act('forum.create', form);
    expect(replyText(o)).toContain('Saved: DSL network, Autumn 2, Wed 2 Dec, 15:45');
    const f = t.bot.store.read().forums.find((x) => x.title === 'DSL network, Autumn 2')!;
    expect(f).toMatchObject({ kind: 'dsl', startsAt: '2026-12-02T15:45:00.000Z', location: 'Online', expectedCategories: ['amber', 'red'], createdById: 'tom' });
    expect(replyText(o)).toContain(`forum invite ${f.id} headteachers`);
    const inv = await t.as('tom').say(`forum invite ${f.id} headteachers`);
    expect(t.bot.store.read().forums.find((x) => x.id === f.id)!.invites.length).toBeGreaterThan(0);
    expect(inv.notifications.some((n) => 'person' in n.to && n.to.person === 'rachel')).toBe(true);
    // The same card used again saves nothing more.
    const again = await t.as('tom').act('forum.create', form);
    expect(replyText(again)).toContain('Already saved: DSL network, Autumn 2');
    expect(t.bot.store.read().forums.filter((x) => x.title === 'DSL network, Autumn 2')).toHaveLength(1);
  });

  it('refuses a teacher, a past date, an end before the start and an unknown category, saving nothing', async () => {
    const before = t.bot.store.read().forums.length;
    expect(replyText(await t.as('jo').say('forum new'))).toContain('Your role does not let you use "forum create"');
    expect(replyText(await t.as('jo').act('forum.create', form))).toContain('Your role does not let you use');
    expect(replyText(await t.as('tom').act('forum.create', { ...form, date: '2026-11-02' }))).toContain('That date has passed');
    expect(replyText(await t.as('tom').act('forum.create', { ...form, end: '15:00' }))).toContain('end: it must end after it starts');
    expect(replyText(await t.as('tom').act('forum.create', { ...form, expectedCategories: 'purple' }))).toContain('The trust has no category "purple"');
    expect(replyText(await t.as('tom').act('forum.create', { ...form, kind: 'party' }))).toContain('That card could not be used: kind');
    // zod's wording is said plainly: what to type, and how much.
    expect(replyText(await t.as('tom').act('forum.create', { ...form, title: 'x' }))).toContain('title: give it a title (at least 3 characters)');
    expect(replyText(await t.as('tom').act('forum.create', { ...form, date: '2/12/2026' }))).toContain('date: use a date like 2026-12-04');
    expect(replyText(await t.as('tom').act('forum.create', { ...form, title: 'x'.repeat(201) }))).toContain('title: too long (at most 200 characters)');
    expect(t.bot.store.read().forums.length).toBe(before);
  });
});
