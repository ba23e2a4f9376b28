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

  it('says how many decisions are not shown when there are more than ten', async () => {
    await t.bot.store.transact((d) => {
      for (let i = 0; i < 11; i++) {
        d.approvals.push({
          id: `review-${i}`, kind: 'support-deployment', title: `Support deployment ${i}`, facts: [], recommendation: '', cases: [], payload: {},
          requestedById: 'tom', requestedAt: '2026-11-17T10:00:00Z', deciderRoles: ['ceo', 'deputy-ceo'], status: 'pending',
        });
      }
    });
    const o = await t.as('amira').say('approvals');
    expect(o.replies.filter((r) => r.card === 'approval')).toHaveLength(10);
    expect(replyText(o)).toContain('12 decisions waiting');
    expect(replyText(o)).toContain('The oldest 10 are below');
  });
});
