// Review: every refusal of a forged or out-of-scope card goes to the audit log, once, and changes nothing.
import { describe, expect, it } from 'vitest';
import { renderCard } from '../../src/cards/render';
import { useTestBot } from '../helpers/use-bot';

const t = useTestBot();

const refusals = async (actorId: string, action: string) =>
  (await t.bot.store.audit()).filter((e) => e.actorId === actorId && e.action === action && e.outcome === 'refused');

describe('refusals inside handlers are audited', () => {
  it('a forged RSVP to a forum the person is not invited to', async () => {
    const forum = t.bot.store.read().forums.find((f) => f.kind === 'school-improvement')!;
    const before = JSON.stringify(forum.invites);
    const o = await t.as('jo').act('forum.rsvp', { forumId: forum.id, response: 'accepted' });
    expect(o.replies[0]!.data.code).toBe('NOT_ALLOWED');
    expect(JSON.stringify(t.bot.store.read().forums.find((f) => f.id === forum.id)!.invites)).toBe(before);
    expect(await refusals('jo', 'forum.rsvp')).toHaveLength(1);
  });

  it("a headteacher's forged add to another school's plan", async () => {
    const n = t.bot.store.read().isapActions.length;
    const o = await t.as('rachel').act('isap.add', { schoolId: 'riverside', title: 'Forged', strand: 'Inclusion', ownerId: 'sam', due: '2026-12-04' });
    expect(o.replies[0]!.data.code).toBe('NOT_ALLOWED');
    expect(t.bot.store.read().isapActions).toHaveLength(n);
    expect(await refusals('rachel', 'isap.add')).toHaveLength(1);
  });

  it("opening another school's action by its id", async () => {
    const theirs = t.bot.store.read().isapActions.find((a) => a.schoolId === 'riverside')!;
    const o = await t.as('rachel').act('isap.open', { actionId: theirs.id });
    expect(o.replies[0]!.data.code).toBe('NOT_FOUND');
    expect(await refusals('rachel', 'isap.open')).toHaveLength(1);
  });

  it('a refusal the dispatcher or a handler already audited is not logged twice', async () => {
    await t.as('jo').act('approval.decide', { approvalId: 'x', decision: 'approve' });
    expect(await refusals('jo', 'approval.decide')).toHaveLength(1);
    const theirs = t.bot.store.read().isapActions.find((a) => a.schoolId === 'riverside')!;
    await t.as('rachel').act('isap.update', { actionId: theirs.id, note: 'forged' });
    expect(await refusals('rachel', 'isap.update')).toHaveLength(1);
  });
});

describe('extension dates', () => {
  it('refuses an overdue action a "new" due date that is already past, and offers no such date on the card', async () => {
    const a = t.bot.store.read().isapActions.find((x) => x.ownerId === 'jo' && x.status === 'open')!; // due Thu 5 Nov, today Wed 18 Nov
    const o = await t.as('jo').act('isap.extend', { actionId: a.id, newDue: '2026-11-10', reason: 'Tutor started late' });
    expect(o.replies[0]!.data.code).toBe('BAD_INPUT');
    expect(t.bot.store.read().isapActions.find((x) => x.id === a.id)!.extensions).toHaveLength(0);
    const card = (await t.as('jo').act('isap.open', { actionId: a.id })).replies[0]!;
    // From today on: nothing already past is offered.
    expect(JSON.stringify(renderCard(card))).toContain('"min":"2026-11-18","max"');
  });
});
