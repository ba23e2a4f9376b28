// Review: a double click (two invokes, two activity ids, so no shared de-duplication key) must not
// create two records.
import { describe, expect, it } from 'vitest';
import { replyText } from '../helpers/bot';
import { useTestBot } from '../helpers/use-bot';

const t = useTestBot();

describe('double clicks', () => {
  it('adding the same ISAP action twice keeps one, and says so', async () => {
    const form = { schoolId: 'beacon', title: 'Reading fluency: daily paired reading in Year 3', strand: 'Quality of Education', ownerId: 'jo', due: '2026-12-11' };
    const count = () => t.bot.store.read().isapActions.filter((a) => a.title === form.title).length;
    const [first, second] = await Promise.all([t.as('rachel').act('isap.add', form), t.as('rachel').act('isap.add', form)]);
    expect(count()).toBe(1);
    expect(replyText(first)).toContain('Added to the plan.');
    expect(replyText(second)).toContain('already on the plan');
    expect((await t.bot.store.audit()).filter((e) => e.action === 'isap.add' && e.outcome === 'ok')).toHaveLength(1);
  });

  it('saving the same progress note twice keeps one note', async () => {
    const a = t.bot.store.read().isapActions.find((x) => x.ownerId === 'jo' && x.status === 'open')!;
    const note = { actionId: a.id, note: 'Groups set; first catch-up sessions ran on Monday.' };
    const [first, second] = await Promise.all([t.as('jo').act('isap.update', note), t.as('jo').act('isap.update', note)]);
    expect(replyText(first)).toContain('Saved.');
    expect(replyText(second)).toContain('Saved.');
    const notes = t.bot.store.read().isapActions.find((x) => x.id === a.id)!.notes ?? [];
    expect(notes.filter((n) => n.text === note.note)).toHaveLength(1);
    // The same words an hour later are a new note.
    t.clock.set(new Date(t.clock.now.getTime() + 3_600_000).toISOString());
    await t.as('jo').act('isap.update', note);
    expect(t.bot.store.read().isapActions.find((x) => x.id === a.id)!.notes!.filter((n) => n.text === note.note)).toHaveLength(2);
  });

  it('a decided extension reaches the person who asked once, not as two cards', async () => {
    const a = t.bot.store.read().isapActions.find((x) => x.schoolId === 'beacon' && x.status === 'open' && x.ownerId === 'jo')!;
    await t.as('jo').act('isap.extend', { actionId: a.id, newDue: '2027-02-05', reason: 'Tutor starts after Christmas' });
    const approval = t.bot.store.read().approvals.find((x) => x.kind === 'isap-extension' && x.requestedById === 'jo' && x.status === 'pending')!;
    const o = await t.as('amira').act('approval.decide', { approvalId: approval.id, decision: 'approve' });
    const toJo = o.notifications.filter((n) => 'person' in n.to && n.to.person === 'jo' && !n.update);
    expect(toJo).toHaveLength(1);
    expect(replyText({ replies: [toJo[0]!], notifications: [] })).toContain('Amira Shah agreed more time');
  });
});
