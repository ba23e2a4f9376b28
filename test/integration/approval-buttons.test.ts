// Review: an approval card shows Approve / Reject only to someone who may press them.
import { describe, expect, it } from 'vitest';
import { cardText } from '../helpers/bot';
import { useTestBot } from '../helpers/use-bot';

const t = useTestBot();

describe('approval buttons', () => {
  it('the DoSI listing a CEO-only decision sees who decides it, not buttons that would refuse him', async () => {
    const pending = t.bot.store.read().approvals.find((a) => a.status === 'pending' && !a.deciderRoles.includes('dosi'))!;
    const o = await t.as('tom').say('approvals');
    const card = o.replies.find((r) => r.card === 'approval' && r.data.id === pending.id)!;
    const text = cardText(card);
    expect(text).not.toContain('Approve');
    expect(text).toContain('Waiting for the CEO');
    // The CEO still gets the buttons.
    const ceo = (await t.as('amira').say('approvals')).replies.find((r) => r.card === 'approval' && r.data.id === pending.id)!;
    expect(cardText(ceo)).toContain('Approve');
  });
});
