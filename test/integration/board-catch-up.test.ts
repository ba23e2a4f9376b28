// Review: the board digest caught up in the holiday after a term reports the term that ended, not
// the one that has not begun.
import { describe, expect, it } from 'vitest';
import { cardText } from '../helpers/bot';
import { useTestBot } from '../helpers/use-bot';

const t = useTestBot();

describe('board digest caught up in the holiday', () => {
  it('is about the autumn term when sent on the first Monday of the Christmas holiday', async () => {
    await t.as('tom').say('subscribe board', 'local:channel:board');
    t.clock.set('2026-12-21T10:00:00Z'); // Mon 21 Dec: the autumn term ended on Fri 18 Dec
    const o = await t.bot.dispatcher.runJob('board-digest');
    expect(o.notifications).toHaveLength(1);
    const text = cardText(o.notifications[0]!);
    expect(text).toContain('Board digest: Autumn term');
    expect(text).toContain('Northgate Junior School');
    expect(text).not.toContain('Spring term');
  });
});
