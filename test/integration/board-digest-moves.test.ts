// The board digest's category moves: a school confirmed in its category is not a move, the totals
// add up, the words say which way a school went, and at 1,000 schools the card stays small.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCard } from '../../src/cards/render';
import { cardProblems } from '../../src/cards/validate';
import type { CategoryChange } from '../../src/domain';
import { replyText, startTestBot, type TestBot } from '../helpers/bot';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(() => t.stop());

const change = (schoolId: string, from: string, to: string, at: string): CategoryChange => ({
  id: `test-${schoolId}-${at}`, schoolId, from, to, urgentAction: false, at, byId: 'tom', rationale: 'Risk meeting.', evidence: [],
});

describe('board digest: category moves', () => {
  it('leaves confirmations out of the moves, and its totals add up', async () => {
    await t.bot.store.transact((d) => {
      const beacon = d.schools.find((s) => s.id === 'beacon')!;
      d.categoryHistory.push(change('beacon', beacon.categoryId!, beacon.categoryId!, '2026-11-12T15:00:00Z'));
    });
    const text = replyText(await t.as('helen').say('digest board'));
    expect(text).not.toMatch(/Beacon Primary: (\S+) → \1\b/);
    expect(text).not.toContain('declined');
    const fact = text.match(/Category decisions this term\n(\d+): (\d+) moved to a weaker category, (\d+) to a stronger, (\d+) confirmed/);
    expect(fact, text).not.toBeNull();
    const [total, worse, better, same] = fact!.slice(1).map(Number);
    expect(worse! + better! + same!).toBe(total);
    expect(same).toBeGreaterThanOrEqual(1);
  });

  it('at 1,000 schools lists the moves to a weaker category first, caps the list, and stays under 20 KB', async () => {
    await t.bot.store.transact((d) => {
      const base = d.schools[0]!;
      const cats = d.trust!.framework.categories.map((c) => c.id);
      for (let i = 0; i < 1000; i++) {
        const id = `scale-${i}`;
        d.schools.push({ ...structuredClone(base), id, urn: String(900000 + i), name: `Scale Academy ${i}`, categoryId: cats[i % cats.length] });
        const from = cats[(i + (i % 3 === 0 ? 1 : i % 3 === 1 ? -1 : 0) + cats.length) % cats.length]!;
        d.categoryHistory.push(change(id, from, cats[i % cats.length]!, `2026-11-1${i % 9}T15:00:00Z`));
      }
    });
    const view = (await t.as('helen').say('digest board')).replies[0]!;
    const card = renderCard(view);
    expect(cardProblems(card)).toEqual([]);
    const size = JSON.stringify(card).length;
    expect(size).toBeLessThan(20_000);
    const text = replyText(await t.as('helen').say('digest board'));
    const moves = text.slice(text.indexOf('Category moves this term', text.indexOf('Category decisions')));
    expect(moves).toMatch(/… and \d+ more moves/);
    // The first listed moves are to a weaker category (flagged); none is a confirmation.
    const listed = (view.data.sections as { items: { flag: boolean; detail: string }[] }[])[0]!.items;
    expect(listed.length).toBe(10);
    expect(listed.every((i) => i.flag && i.detail.startsWith('To a weaker category'))).toBe(true);
    expect(moves).not.toMatch(/: (\S+) → \1\b/);
    console.log(`board digest at ${t.bot.store.read().schools.length} schools: ${size} bytes`);
  });
});
