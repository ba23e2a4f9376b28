// A headteacher's talent card offers a Nominate button that opens the nomination form; people who
// may not nominate (the DoSI, the CEO) are not offered it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCard } from '../../src/cards/render';
import { cardProblems } from '../../src/cards/validate';
import { replyText, startTestBot, type TestBot } from '../helpers/bot';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(() => t.stop());

type Act = { type: string; title: string; verb?: string };
const buttons = (card: ReturnType<typeof renderCard>) => ((card.actions ?? []) as Act[]);

describe('talent: the Nominate button', () => {
  it("is on a headteacher's talent card and opens the nomination form", async () => {
    const card = renderCard((await t.as('rachel').say('talent')).replies[0]!);
    expect(cardProblems(card)).toEqual([]);
    const nominate = buttons(card).find((b) => b.title === 'Nominate someone');
    expect(nominate).toMatchObject({ type: 'Action.Execute' });
    const form = await t.as('rachel').act(nominate!.verb!);
    expect(form.replies[0]!.card).toBe('talent-nominate');
    expect(replyText(form)).toContain('A member of staff at Beacon Primary');
  });

  it('is also on her search results, and not on the DoSI\'s or the CEO\'s cards', async () => {
    expect(buttons(renderCard((await t.as('rachel').say('talent search reading')).replies[0]!)).map((b) => b.title)).toContain('Nominate someone');
    for (const who of ['tom', 'amira']) {
      expect(buttons(renderCard((await t.as(who).say('talent')).replies[0]!)).map((b) => b.title)).not.toContain('Nominate someone');
    }
  });
});
