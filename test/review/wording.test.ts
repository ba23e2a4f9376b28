// Review: what people read must not contradict itself or mislead.
import { describe, expect, it } from 'vitest';
import { replyText } from '../helpers/bot';
import { useTestBot } from '../helpers/use-bot';

const t = useTestBot();

describe('card wording', () => {
  it('the CEO with a decision waiting is not told that nothing needs a decision', async () => {
    const text = replyText(await t.as('amira').say('approvals'));
    expect(text).toContain('1 decision waiting');
    expect(text).not.toContain('Nothing needs a decision');
  });

  it('a teacher with no invitations is not told that no forums are planned', async () => {
    expect(t.bot.store.read().forums.length).toBeGreaterThan(0);
    const text = replyText(await t.as('jo').say('forum'));
    expect(text).not.toContain('No forums are planned');
    expect(text).toContain('You have no forum invitations coming up');
  });
});
