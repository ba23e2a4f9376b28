import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCard } from '../../src/cards/render';
import { cardProblems } from '../../src/cards/validate';
import { cardText, replyText, startTestBot, type TestBot } from '../helpers/bot';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(() => t.stop());

const pendingId = 'oakfield-red'; // the demo trust's pending CEO decision

describe('CEO decisions', () => {
  it('lists the pending decision for the CEO as an approval card with the facts and buttons', async () => {
    const o = await t.as('amira').say('approvals');
    expect(replyText(o)).toContain('1 decision waiting');
    const card = o.replies[1]!;
    const text = cardText(card);
    expect(text).toContain('Move Oakfield Academy from AMBER to RED');
    expect(text).toContain('Recommendation: The risk meeting recommends RED');
    const rendered = renderCard(card);
    expect(cardProblems(rendered)).toEqual([]);
    expect(JSON.stringify(rendered.actions)).toContain('"verb":"approval.decide"');
  });

  it('refuses a teacher before anything happens, and audits the refusal', async () => {
    const o = await t.as('jo').act('approval.decide', { approvalId: pendingId, decision: 'approve' });
    expect(replyText(o)).toContain('Your role does not let you use "approval decide"');
    expect(t.bot.store.read().approvals.find((a) => a.id === pendingId)!.status).toBe('pending');
    expect((await t.bot.store.audit()).some((e) => e.actorId === 'jo' && e.outcome === 'refused')).toBe(true);
  });

  it('refuses the Chair on a decision that is the CEO\'s', async () => {
    const o = await t.as('helen').act('approval.decide', { approvalId: pendingId, decision: 'approve' });
    expect(replyText(o)).toContain('Only the CEO or Deputy CEO may decide');
    expect((await t.bot.store.audit()).some((e) => e.actorId === 'helen' && e.subject === pendingId && e.outcome === 'refused')).toBe(true);
  });

  it('needs a comment to reject', async () => {
    const o = await t.as('amira').act('approval.decide', { approvalId: pendingId, decision: 'reject' });
    expect(replyText(o)).toContain('Say why in the comment box');
    expect(t.bot.store.read().approvals.find((a) => a.id === pendingId)!.status).toBe('pending');
  });

  it('rejects forged input with a clear answer', async () => {
    const o = await t.as('amira').act('approval.decide', { approvalId: pendingId, decision: 'maybe' });
    expect(replyText(o)).toMatch(/That card could not be used: decision/);
    const missing = await t.as('amira').act('approval.decide', { approvalId: 'nope', decision: 'approve' });
    expect(replyText(missing)).toContain('That decision was not found');
  });

  it('approves once: two clicks at once give one decision, the second sees who decided', async () => {
    const [a, b] = await Promise.all([
      t.as('amira').act('approval.decide', { approvalId: pendingId, decision: 'approve', comment: 'Agreed at the meeting' }),
      t.as('mark').act('approval.decide', { approvalId: pendingId, decision: 'approve' }),
    ]);
    const texts = [replyText(a), replyText(b)];
    expect(texts.filter((x) => x.includes('Already decided by'))).toHaveLength(1);
    expect(texts.join('\n')).toMatch(/Approved by (Amira Shah|Mark Ellis) at Wed 18 Nov, 10:00/);
    expect(a.replies[0]!.replace).toBe(true);
    const stored = t.bot.store.read().approvals.find((x) => x.id === pendingId)!;
    expect(stored.status).toBe('approved');
    const audits = (await t.bot.store.audit()).filter((e) => e.subject === pendingId && e.outcome === 'ok');
    expect(audits).toHaveLength(1);
    // The card is updated everywhere it was posted, and Tom (who raised it) is told.
    const decided = a.replies[0]!.data.notice === '' ? a : b;
    expect(decided.notifications.some((n) => n.update && n.subject === `approval:${pendingId}`)).toBe(true);
    expect(decided.notifications.some((n) => 'person' in n.to && n.to.person === 'tom' && cardText(n).includes('Approved: Move Oakfield'))).toBe(true);
    // No buttons remain on a decided card.
    expect(renderCard(decided.replies[0]!).actions).toBeUndefined();
  });
});
