// Review: dates people read are London dates, not UTC ones, in the hour after midnight in BST.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyText, startTestBot, type TestBot } from '../helpers/bot';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(() => t.stop());

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
