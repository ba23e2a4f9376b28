// Review: nobody decides their own request when someone else can.
import { describe, expect, it } from 'vitest';
import { cardText, replyText } from '../helpers/bot';
import { useTestBot } from '../helpers/use-bot';

const t = useTestBot();

describe('self-approval', () => {
  it("the DoSI's own short extension request goes to the CEO, not back to the DoSI", async () => {
    const a = t.bot.store.read().isapActions.find((x) => x.schoolId === 'beacon' && x.status === 'open' && x.ownerId === 'jo')!;
    const o = await t.as('tom').act('isap.extend', { actionId: a.id, newDue: '2026-11-20', reason: 'Tutor starts on Friday' });
    expect(replyText(o)).toContain('the CEO or Deputy CEO will decide');
    const approval = t.bot.store.read().approvals.find((x) => x.kind === 'isap-extension' && x.requestedById === 'tom')!;
    expect(approval.deciderRoles).not.toContain('dosi');
    const mine = await t.as('tom').act('approval.decide', { approvalId: approval.id, decision: 'approve' });
    expect(replyText(mine)).toContain('Only the CEO or Deputy CEO may decide');
    expect(t.bot.store.read().isapActions.find((x) => x.id === a.id)!.due).toBe(a.due);
  });
});

describe('self-approval, any decision', () => {
  it("the CEO may not approve her own request while the Deputy CEO can; the Deputy can", async () => {
    const a = t.bot.store.read().isapActions.find((x) => x.schoolId === 'oakfield' && x.status === 'open')!;
    await t.as('amira').act('isap.extend', { actionId: a.id, newDue: '2027-03-05', reason: 'LA meeting moved to March' });
    const approval = t.bot.store.read().approvals.find((x) => x.kind === 'isap-extension' && x.requestedById === 'amira')!;
    const own = await t.as('amira').act('approval.decide', { approvalId: approval.id, decision: 'approve' });
    expect(replyText(own)).toContain('someone else');
    expect(t.bot.store.read().approvals.find((x) => x.id === approval.id)!.status).toBe('pending');
    expect((await t.bot.store.audit()).some((e) => e.actorId === 'amira' && e.action === 'approval.decide' && e.outcome === 'refused')).toBe(true);
    await t.as('mark').act('approval.decide', { approvalId: approval.id, decision: 'approve' });
    expect(t.bot.store.read().approvals.find((x) => x.id === approval.id)!.status).toBe('approved');
  });
});

describe('the card a requester who is also a decider receives', () => {
  it('has no buttons for their own request; the other decider’s has', async () => {
    const a = t.bot.store.read().isapActions.find((x) => x.schoolId === 'northgate' && x.status === 'open')!;
    const o = await t.as('amira').act('isap.extend', { actionId: a.id, newDue: '2027-03-12', reason: 'New SLT in post from January' });
    const toAmira = o.notifications.find((n) => 'person' in n.to && n.to.person === 'amira' && n.card === 'approval')!;
    const toMark = o.notifications.find((n) => 'person' in n.to && n.to.person === 'mark' && n.card === 'approval')!;
    expect(cardText(toAmira)).not.toContain('Approve');
    expect(cardText(toAmira)).toContain('Waiting for the CEO or Deputy CEO to decide');
    expect(cardText(toMark)).toContain('Approve');
  });
});
