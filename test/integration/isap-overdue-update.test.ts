// A headteacher updates an overdue action: the update form's date starts empty (not at the past due
// date) and ranges from today on, so the form validates; RAG and note save at once, and a new date
// later than the old one goes for approval with the note as the reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCard } from '../../src/cards/render';
import { cardProblems } from '../../src/cards/validate';
import { replyText, startTestBot, type TestBot } from '../helpers/bot';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(() => t.stop());

const action = (title: string) => t.bot.store.read().isapActions.find((a) => a.title.startsWith(title))!;
type El = Record<string, unknown>;
const inputsOf = (n: unknown): El[] => {
  if (Array.isArray(n)) return n.flatMap(inputsOf);
  if (!n || typeof n !== 'object') return [];
  const o = n as El;
  return [...(String(o.type).startsWith('Input.') ? [o] : []), ...Object.values(o).flatMap(inputsOf)];
};

describe('isap: updating an overdue action', () => {
  it('offers a date input whose value, min and max agree, from today on', async () => {
    const a = action('Phonics');
    expect(a.due < '2026-11-18').toBe(true); // overdue on the test's Wednesday
    const card = renderCard((await t.as('rachel').act('isap.open', { actionId: a.id })).replies[0]!);
    expect(cardProblems(card)).toEqual([]);
    const update = (card.actions as El[]).find((x) => x.title === 'Update')!;
    const date = inputsOf(update).find((i) => i.type === 'Input.Date')!;
    expect(date.min).toBe('2026-11-18');
    expect(String(date.min) <= String(date.max)).toBe(true);
    // Empty is valid (the date is optional); a value must sit inside the range.
    if (date.value) expect(String(date.value) >= String(date.min) && String(date.value) <= String(date.max)).toBe(true);
    expect(date.value ?? '').toBe('');
  });

  it('saves the RAG and a note with the date left empty, as Teams and the playground send it', async () => {
    const a = action('Phonics');
    const o = await t.as('rachel').act('isap.update', { actionId: a.id, rag: 'red', due: '', note: 'Two catch-up groups started this week' });
    expect(replyText(o)).toContain('Saved.');
    expect(replyText(o)).toContain('Two catch-up groups started this week');
    expect(action('Phonics')).toMatchObject({ rag: 'red', due: a.due });
  });

  it('sends a new date from today on for approval, with the note as the reason, and moves it once approved', async () => {
    const a = action('Phonics');
    const noReason = await t.as('rachel').act('isap.update', { actionId: a.id, due: '2026-12-04' });
    expect(replyText(noReason)).toContain('say why in the progress note');
    const o = await t.as('rachel').act('isap.update', { actionId: a.id, rag: 'amber', due: '2026-12-04', note: 'New phonics lead starts on Monday' });
    const text = replyText(o);
    expect(text).toContain('Saved.');
    expect(text).toContain('Fri 4 Dec');
    // Four weeks past the old date: a long extension, which the CEO decides.
    expect(text).toContain('More time, to Fri 4 Dec, asked for: the CEO or Deputy CEO will decide.');
    const ext = action('Phonics').extensions.find((e) => e.status === 'pending')!;
    expect(ext).toMatchObject({ newDue: '2026-12-04', reason: 'New phonics lead starts on Monday', requestedById: 'rachel' });
    expect(action('Phonics').rag).toBe('amber');
    await t.as('amira').act('approval.decide', { approvalId: ext.approvalId, decision: 'approve' });
    expect(action('Phonics').due).toBe('2026-12-04');
  });

  it('still refuses a date in the past', async () => {
    const a = action('Attendance: first-day');
    const o = await t.as('rachel').act('isap.update', { actionId: a.id, due: '2026-11-10', note: 'x' });
    expect(replyText(o)).toContain('cannot be in the past');
    expect(action('Attendance: first-day').due).toBe(a.due);
  });
});
