// Review: dates people read are London dates, not UTC ones, in the hour after midnight in BST.
import { describe, expect, it } from 'vitest';
import { replyText } from '../helpers/bot';
import { useTestBot } from '../helpers/use-bot';

const t = useTestBot();

describe('London dates in BST', () => {
  it('an action completed at 00:30 BST reads as completed that day, not the day before', async () => {
    const a = t.bot.store.read().isapActions.find((x) => x.ownerId === 'jo' && x.status === 'open')!;
    t.clock.set('2027-04-20T23:30:00Z'); // 00:30 on Wed 21 Apr in London
    const o = await t.as('jo').act('isap.complete', { actionId: a.id, evidence: 'Phonics screening re-run: 27 of 30 at the expected standard.' });
    const text = replyText(o);
    expect(text).toContain('Completed Wed 21 Apr');
    expect(text).not.toContain('Completed Tue 20 Apr');
  });
});

describe('digests count by the London day', () => {
  const move = (id: string, at: string, rationale: string) =>
    t.bot.store.transact((d) => {
      d.categoryHistory.push({ id, schoolId: 'hillcrest', from: 'yellow', to: 'amber', urgentAction: false, at, byId: 'tom', rationale, evidence: [] });
    });

  it('a category move at 00:30 BST on the first day of the window is in the weekly digest', async () => {
    t.clock.set('2027-04-14T09:00:00Z'); // Wed 14 Apr; the window starts Wed 7 Apr
    await move('review-weekly', '2027-04-06T23:30:00Z', 'Review: moved just after midnight on the 7th');
    const text = replyText(await t.as('tom').say('digest weekly'));
    expect(text).toContain('since Wed 7 Apr');
    expect(text).toContain('Review: moved just after midnight on the 7th');
  });

  it('a category move at 00:30 BST on the first day of the summer term is in the board digest', async () => {
    await move('review-board', '2027-04-11T23:30:00Z', 'Review: moved just after midnight on the first day of term');
    const text = replyText(await t.as('helen').say('digest board'));
    expect(text).toContain('Review: moved just after midnight on the first day of term');
  });
});
