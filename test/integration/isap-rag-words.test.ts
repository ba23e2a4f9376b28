// An action's RAG is its progress, not the school's category: it reads "Off track / At risk / On
// track" with its own marker wherever it is shown, so an AMBER school's actions are never "RED".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCard } from '../../src/cards/render';
import { cardText, replyText, startTestBot, type TestBot } from '../helpers/bot';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(() => t.stop());

const CATEGORY_WORDS = /\b(RED|AMBER|GREEN)\b|\b(Red|Amber|Green)\b(?! ·|,)/; // not Rachel Green, the headteacher
const action = (title: string) => t.bot.store.read().isapActions.find((a) => a.title.startsWith(title))!;

describe('isap: action RAG words', () => {
  it("labels a school's plan with progress words and markers, not category words", async () => {
    const text = replyText(await t.as('rachel').say('isap beacon primary'));
    expect(text).toMatch(/⛔ Off track|⚠️ At risk|✅ On track/);
    expect(text).not.toMatch(CATEGORY_WORDS);
    expect(replyText(await t.as('tom').say('isap overdue'))).not.toMatch(CATEGORY_WORDS);
    expect(replyText(await t.as('jo').say('isap'))).not.toMatch(CATEGORY_WORDS);
  });

  it("shows the action card's progress, and offers the same words in its forms, keeping the stored values", async () => {
    const a = action('Phonics');
    const o = await t.as('rachel').act('isap.open', { actionId: a.id });
    const text = replyText(o);
    expect(text).toMatch(/Progress\n(⛔ Off track|⚠️ At risk|✅ On track)/);
    expect(text).not.toMatch(CATEGORY_WORDS);
    const choices = JSON.stringify(renderCard(o.replies[0]!));
    expect(choices).toContain('{"title":"⛔ Off track","value":"red"}');
    expect(cardText(await t.as('rachel').say('isap add').then((x) => x.replies[0]!))).not.toMatch(CATEGORY_WORDS);
    await t.as('rachel').act('isap.update', { actionId: a.id, rag: 'green', note: 'Caught up' });
    expect(action('Phonics').rag).toBe('green');
  });

  it('names the progress the same way on an extension request', async () => {
    const a = action('Attendance: first-day');
    const o = await t.as('rachel').act('isap.extend', { actionId: a.id, newDue: '2026-12-04', reason: 'New officer' });
    const toTom = o.notifications.map(cardText).join('\n');
    expect(toTom).toContain('More time for');
    expect(toTom).toMatch(/Progress\n(⛔ Off track|⚠️ At risk|✅ On track)/);
  });
});
