// The talent register and its search at trust scale: what waits on someone first, then the register,
// a page at a time with what to type for the next page, each page within Teams' and Slack's limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { View } from '../../src/app/command';
import { renderCard } from '../../src/cards/render';
import { cardProblems } from '../../src/cards/validate';
import { cardToBlocks } from '../../src/channels/slack/blockkit';
import type { TalentEntry } from '../../src/domain';
import { replyText, startTestBot, type TestBot } from '../helpers/bot';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
  await t.bot.store.transact((d) => {
    const schools = d.schools.map((s) => s.id);
    const entry = (i: number, stage: TalentEntry['stage']): TalentEntry => ({
      id: `scale-${stage}-${i}`, name: `Person ${String(i).padStart(4, '0')} ${stage}`, schoolId: schools[i % schools.length]!, post: 'Assistant headteacher for teaching and learning',
      phase: i % 2 ? 'primary' : 'secondary', expertise: ['early reading', 'phonics', 'curriculum leadership', 'SEND'], supportAvailable: 'Half a day a week, spring and summer terms',
      nominatedById: 'rachel', nominatedAt: `2026-0${1 + (i % 9)}-10T09:00:00Z`, stage, ...(stage === 'on-register' ? { addedAt: '2026-03-01T09:00:00Z' } : {}),
    });
    for (let i = 0; i < 600; i++) d.talent.push(entry(i, 'on-register'));
    for (let i = 0; i < 12; i++) d.talent.push(entry(i, 'nominated'));
    for (let i = 0; i < 12; i++) d.talent.push(entry(i, 'offer-pending'));
  });
}, 60_000);
afterAll(() => t.stop());

const measure = (view: View) => {
  const card = renderCard(view);
  expect(cardProblems(card)).toEqual([]);
  return { bytes: JSON.stringify(card).length, blocks: cardToBlocks(card).blocks.length };
};

describe('talent lists at scale', () => {
  it('shows what waits on someone first, then the register, one page at a time', async () => {
    const o = await t.as('tom').say('talent');
    const text = replyText(o);
    expect(text).toMatch(/^Talent register \(page 1 of \d+\)/);
    const waiting = text.indexOf('Waiting for the CEO’s offer (12)');
    expect(waiting).toBeGreaterThan(0);
    // The offers nearest a decision first, then the nominations still waiting for a reference.
    expect(text.search(/Waiting for the headteacher’s reference \(1\d\)/)).toBeGreaterThan(waiting);
    expect(text).not.toContain('On the register (6');
    expect(text).toMatch(/… and \d+ more: type talent page 2/);
    const m = measure(o.replies[0]!);
    expect(m.bytes).toBeLessThan(20_000);
    expect(m.blocks).toBeLessThan(50);
    console.log(`talent, 624 entries: ${m.bytes} bytes, ${m.blocks} Slack blocks`);
    const p3 = replyText(await t.as('tom').say('talent page 3'));
    expect(p3).toContain('On the register (60');
    expect(p3).toMatch(/\(page 3 of \d+\)/);
  });

  it('pages search results, best first, keeping the phase', async () => {
    const o = await t.as('rachel').say('talent search reading primary');
    const text = replyText(o);
    expect(text).toMatch(/^30\d found for "reading", Primary \(page 1 of \d+\)/);
    expect(text).toMatch(/… and \d+ more: type talent search reading primary page 2/);
    const m = measure(o.replies[0]!);
    expect(m.bytes).toBeLessThan(20_000);
    expect(m.blocks).toBeLessThan(50);
    console.log(`talent search, 300 hits: ${m.bytes} bytes, ${m.blocks} Slack blocks`);
    expect(replyText(await t.as('rachel').say('talent search reading primary page 2'))).toMatch(/^30\d found for "reading", Primary \(page 2 of \d+\)/);
  });
});
