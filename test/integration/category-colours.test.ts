// Every category carries its colour where it appears: a small marker the same on Teams, Slack and
// the playground, with the word beside it so colour is never the only cue.
import { describe, expect, it } from 'vitest';
import { renderCard } from '../../src/cards/render';
import { cardToBlocks } from '../../src/channels/slack/blockkit';
import { useTestBot } from '../helpers/use-bot';

const t = useTestBot();
const raw = (o: { replies: { card: string; data: Record<string, unknown> }[] }) => JSON.stringify(renderCard(o.replies[0]!));

describe('category colours', () => {
  it('the board and the meeting mark each category with its colour', async () => {
    const board = raw(await t.as('tom').say('risk'));
    for (const tag of ['🔴 RED (1)', '🟠 AMBER (2)', '🟡 YELLOW (2)', '🟢 GREEN (2)']) expect(board).toContain(tag);
    await t.as('tom').say('risk open');
    const meeting = await t.as('tom').say('risk meeting');
    expect(raw(meeting)).toContain('🔴 RED 1 · 🟠 AMBER 2 · 🟡 YELLOW 2 · 🟢 GREEN 2');
    // Slack shows the same markers in its blocks.
    expect(JSON.stringify(cardToBlocks(renderCard(meeting.replies[0]!)).blocks)).toContain('🟠 AMBER (2)');
  });

  it("a school's history, its decision card and the CEO's approval show the colours", async () => {
    expect(raw(await t.as('tom').say('risk beacon'))).toContain('Beacon Primary: 🟠 AMBER');
    const decide = raw(await t.as('tom').act('risk.review', { schoolId: 'northgate' }));
    expect(decide).toContain('🔴 RED');
    expect(decide).toContain('❗ URGENT ACTION');
    const approvals = await t.as('amira').say('approvals');
    expect(approvals.replies.slice(1).map((r) => JSON.stringify(renderCard(r))).join('')).toMatch(/🟠 AMBER|🔴 RED/);
  });

  it('the digests and the forum form show the colours too', async () => {
    const pack = raw(await t.as('tom').say('digest risk'));
    expect(pack).toMatch(/🔴 RED \(\d+\)/);
    expect(pack).toContain('❗ URGENT ACTION');
    expect(raw(await t.as('tom').say('digest board'))).toMatch(/🔴 RED|🟠 AMBER|🟢 GREEN/);
    expect(raw(await t.as('tom').say('forum new'))).toContain('🟠 AMBER');
  });
});
