// ISAP lists at 1,000 schools and ~7,500 overdue actions: most overdue first, a page at a time, with
// what to type for the next page and a filter by school, hub or phase; every page small enough for
// Teams (well under 28 KB) and Slack (under 50 blocks, every Open button kept).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCard } from '../../src/cards/render';
import { cardProblems } from '../../src/cards/validate';
import { cardToBlocks } from '../../src/channels/slack/blockkit';
import type { IsapAction } from '../../src/domain';
import type { View } from '../../src/app/command';
import { replyText, startTestBot, type TestBot } from '../helpers/bot';

let t: TestBot;
const PHASES = ['primary', 'secondary', 'special'] as const;
beforeAll(async () => {
  t = await startTestBot();
  await t.bot.store.transact((d) => {
    const base = d.schools.find((s) => s.id === 'beacon')!;
    for (let i = 0; i < 1000; i++) {
      const id = `scale-${i}`;
      d.schools.push({ ...structuredClone(base), id, urn: String(900000 + i), name: `Scale Academy ${String(i).padStart(4, '0')}`, phase: PHASES[i % 3]!, hub: `Hub ${i % 10}` });
      for (let k = 0; k < 8; k++) {
        // Due dates spread over the autumn: some schools' actions far more overdue than others'.
        const due = `2026-${k < 4 ? '10' : '11'}-${String(1 + ((i * 7 + k * 3) % 28)).padStart(2, '0')}`;
        const a: IsapAction = {
          id: `scale-${i}-${k}`, schoolId: id, title: `Scale action ${i}.${k}: attendance first-day calling in every year group`, strand: ['Inclusion', 'Quality of Education'][k % 2],
          ownerId: i < 5 ? 'jo' : 'rachel', due: due < '2026-11-18' ? due : '2026-11-16', status: 'open', rag: 'red', extensions: [], escalationLevel: 0, createdAt: '2026-09-01T09:00:00Z',
        };
        d.isapActions.push(a);
      }
    }
  });
}, 60_000);
afterAll(() => t.stop());

function measure(view: View) {
  const card = renderCard(view);
  const slack = cardToBlocks(card);
  return { card, bytes: JSON.stringify(card).length, blocks: slack.blocks.length, slack: JSON.stringify(slack.blocks) };
}
const daysAgo = (text: string) => [...text.matchAll(/\((\d+) school days? ago\)/g)].map((m) => Number(m[1]));

describe('isap overdue at 1,000 schools', () => {
  it('shows the most overdue first, one page, within Teams and Slack limits, and says how to see more', async () => {
    const o = await t.as('tom').say('isap overdue');
    const text = replyText(o);
    expect(text).toMatch(/^8\d{3} overdue actions \(page 1 of \d+\)/);
    expect(text).toMatch(/… and \d+ more: type isap overdue page 2/);
    const days = daysAgo(text);
    expect(days.length).toBeGreaterThanOrEqual(15);
    expect(days.length).toBeLessThanOrEqual(25);
    expect([...days].sort((a, b) => b - a)).toEqual(days);
    const m = measure(o.replies[0]!);
    expect(cardProblems(m.card)).toEqual([]);
    expect(m.bytes).toBeLessThan(20_000);
    expect(m.blocks).toBeLessThan(50);
    // Every Open button survives the Slack translation.
    const ids = [...JSON.stringify(m.card).matchAll(/"actionId":"([^"]+)"/g)].map((x) => x[1]!);
    for (const id of ids) expect(m.slack).toContain(id);
    console.log(`isap overdue, 1,000 schools: ${m.bytes} bytes, ${m.blocks} Slack blocks`);

    const page2 = replyText(await t.as('tom').say('isap overdue page 2'));
    expect(page2).toMatch(/\(page 2 of \d+\)/);
    expect(daysAgo(page2)[0]).toBeLessThanOrEqual(days.at(-1)!);
    expect(page2).toMatch(/type isap overdue page 3/);
  });

  it('narrows to a phase, a hub or a school, and pages within it', async () => {
    const secondary = replyText(await t.as('tom').say('isap overdue secondary'));
    expect(secondary).toMatch(/overdue actions in secondary schools/);
    expect(secondary).toMatch(/type isap overdue secondary page 2/);
    const hub = replyText(await t.as('tom').say('isap overdue hub 3'));
    expect(hub).toMatch(/overdue actions in the Hub 3 hub/);
    const school = replyText(await t.as('tom').say('isap overdue Scale Academy 0042'));
    expect(school).toMatch(/^8 overdue actions in Scale Academy 0042/);
    expect(school).not.toContain('page');
  });

  it("pages a school's plan and a person's own actions the same way", async () => {
    await t.bot.store.transact((d) => {
      for (let k = 0; k < 30; k++) d.isapActions.push({ ...structuredClone(d.isapActions.find((a) => a.id === 'scale-7-0')!), id: `more-${k}`, title: `Extra action ${k}` });
    });
    const plan = await t.as('tom').say('isap Scale Academy 0007');
    expect(replyText(plan)).toMatch(/ISAP: Scale Academy 0007 \(page 1 of 2\)/);
    expect(replyText(plan)).toContain('… and 18 more: type isap Scale Academy 0007 page 2');
    expect(measure(plan.replies[0]!).bytes).toBeLessThan(20_000);
    expect(replyText(await t.as('tom').say('isap Scale Academy 0007 page 2'))).toMatch(/\(page 2 of 2\)/);
    const mine = await t.as('jo').say('isap');
    expect(replyText(mine)).toMatch(/of your actions overdue \(page 1 of \d+\)/);
    expect(replyText(mine)).toMatch(/type isap page 2/);
    expect(measure(mine.replies[0]!).blocks).toBeLessThan(50);
  });
});
