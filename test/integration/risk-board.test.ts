// The category board: `risk` with no round open shows the Director every school by category, worst
// first, with the button to open the round; filters and pages answer at any size.
import { describe, expect, it } from 'vitest';
import { renderCard } from '../../src/cards/render';
import { replyText } from '../helpers/bot';
import { useTestBot } from '../helpers/use-bot';

const t = useTestBot();

const buttons = (o: { replies: { card: string; data: Record<string, unknown> }[] }) =>
  JSON.stringify(renderCard(o.replies[0]!).actions ?? []);

describe('risk with no round open', () => {
  it('shows the Director the category board, worst first, and a button that opens the round', async () => {
    const o = await t.as('tom').say('risk');
    const text = replyText(o);
    expect(text).toContain('Categories, Autumn 2 2026-27');
    expect(text).toContain('No risk round is open for Autumn 2 2026-27 yet');
    expect(text).not.toContain('opens it with');
    expect(text.indexOf('RED (1)')).toBeLessThan(text.indexOf('AMBER (2)'));
    expect(text.indexOf('AMBER (2)')).toBeLessThan(text.indexOf('GREEN (2)'));
    expect(text).toContain('- **Northgate Junior School** · ↓ weaker');
    expect(buttons(o)).toContain('"verb":"risk open"');
    // `risk meeting` before the round says the same, rather than an error.
    expect(buttons(await t.as('tom').say('risk meeting'))).toContain('"verb":"risk open"');
  });

  it('the Chair reads the board but gets no button to open the round; a headteacher still sees their history', async () => {
    const o = await t.as('helen').say('risk');
    expect(replyText(o)).toContain('Categories, Autumn 2 2026-27');
    expect(buttons(o)).not.toContain('risk open');
    expect(replyText(await t.as('rachel').say('risk'))).toContain('Beacon Primary: AMBER');
  });

  it('narrows by category, phase or hub, and says which words work when one does not', async () => {
    const red = replyText(await t.as('tom').say('risk board red'));
    expect(red).toContain('Categories, Autumn 2 2026-27: RED schools');
    expect(red).toContain('Northgate Junior School');
    expect(red).not.toContain('Beacon Primary');
    const special = replyText(await t.as('tom').say('risk board special'));
    expect(special).toContain('Meadowbank Special School');
    expect(special).not.toContain('Beacon Primary');
    const wrong = replyText(await t.as('tom').say('risk board purple'));
    expect(wrong).toContain('"purple" is not a category, stage, phase or hub of this trust');
    expect(wrong).toContain('green, yellow, amber, red, urgent');
  });

  it('pressing the button opens the round, and the board becomes the meeting', async () => {
    const opened = await t.as('tom').act('risk open');
    expect(replyText(opened)).toContain('Risk round Autumn 2 2026-27 is open');
    const o = await t.as('tom').say('risk');
    expect(replyText(o)).toContain('Risk meeting, Autumn 2 2026-27');
    expect(buttons(o)).not.toContain('risk open');
    expect(replyText(await t.as('tom').say('risk meeting not answered'))).toContain('Risk meeting, Autumn 2 2026-27: schools not answered');
  });
});
