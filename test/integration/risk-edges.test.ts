// The risk workflow's edges: before a round opens, the demo trust's pending oakfield-red decision,
// help, and a disclosure typed into the notes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCard } from '../../src/cards/render';
import { cardProblems } from '../../src/cards/validate';
import { cardText, replyText, startTestBot, type TestBot } from '../helpers/bot';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(() => t.stop());

describe('risk edges', () => {
  it('before the round opens, the meeting and the questions say how to open it', async () => {
    expect(replyText(await t.as('tom').say('risk meeting'))).toContain('No risk round is open for Autumn 2 2026-27');
    expect(replyText(await t.as('rachel').say('risk answer'))).toContain('Your Director of School Improvement opens it with: risk open');
    // History needs no round.
    expect(replyText(await t.as('rachel').say('risk'))).toContain('Beacon Primary: AMBER');
    expect(replyText(await t.as('tom').say('risk nowhere'))).toContain('A school matching "nowhere" was not found');
  });

  it('help risk shows each role what it may do', async () => {
    const tom = replyText(await t.as('tom').say('help risk'));
    expect(tom).toContain('risk open');
    expect(tom).toContain('risk publish');
    const rachel = replyText(await t.as('rachel').say('help risk'));
    expect(rachel).toContain('risk answer [school]');
    expect(rachel).not.toContain('risk publish');
  });

  it("amira approves the demo trust's pending oakfield-red: Oakfield is RED and its headteacher hears", async () => {
    const o = await t.as('amira').act('approval.decide', { approvalId: 'oakfield-red', decision: 'approve' });
    const data = t.bot.store.read();
    const oakfield = data.schools.find((s) => s.id === 'oakfield')!;
    expect(oakfield).toMatchObject({ categoryId: 'red', urgentAction: false });
    expect(data.categoryHistory.at(-1)).toMatchObject({ schoolId: 'oakfield', from: 'amber', to: 'red', byId: 'amira', approvalId: 'oakfield-red' });
    const david = o.notifications.filter((n) => 'person' in n.to && n.to.person === 'david');
    expect(david).toHaveLength(1);
    const text = cardText(david[0]!);
    expect(text).toContain('Oakfield Academy: RED');
    expect(text).toContain('Amira Shah approved moving Oakfield Academy to RED');
    expect(text).toContain('Executive Team review monthly');
    expect(text).not.toContain('Dispute this category');
    expect(replyText(await t.as('tom').say('risk oakfield'))).toContain('AMBER → RED');
  });

  it('a disclosure typed into the notes is redirected and not stored', async () => {
    await t.as('tom').say('risk open');
    const round = t.bot.store.read().riskRounds[0]!;
    const o = await t.as('sam').act('risk.answer', {
      schoolId: 'riverside', roundId: round.id, ofstedScheme: 'none', attendance: '94', nationalAttendance: '94',
      safeguardingConcerns: 'yes', leadershipChange: 'no', notes: 'A pupil told me her stepdad hits her',
    });
    expect(o.replies[0]!.card).toBe('safeguarding');
    expect(JSON.stringify(t.bot.store.read())).not.toContain('stepdad');
    expect(t.bot.store.read().riskRounds[0]!.entries.find((e) => e.schoolId === 'riverside')!.status).toBe('awaiting-answers');
  });

  it('safeguarding concerns: URGENT ACTION on top of GREEN, approved by the CEO, published with the urgent actions', async () => {
    const round = t.bot.store.read().riskRounds[0]!;
    const a = await t.as('sam').act('risk.answer', {
      schoolId: 'riverside', roundId: round.id, ofstedScheme: 'none', attendance: '95', nationalAttendance: '94',
      safeguardingConcerns: 'yes', leadershipChange: 'no', notes: 'Concerns about the single central record.',
    });
    expect(replyText(a)).toContain('Proposed for Riverside Academy: GREEN + URGENT ACTION');
    const d = await t.as('tom').act('risk.decide', { schoolId: 'riverside', roundId: round.id, category: 'green', urgentAction: 'true', rationale: 'Single central record gaps need investigating now.' });
    const card = d.notifications.find((n) => 'person' in n.to && n.to.person === 'amira')!;
    expect(cardText(card)).toContain('Put Riverside Academy into URGENT ACTION (stays GREEN)');
    const approvalId = t.bot.store.read().riskRounds[0]!.entries.find((e) => e.schoolId === 'riverside')!.approvalId!;
    await t.as('amira').act('approval.decide', { approvalId, decision: 'approve' });
    expect(t.bot.store.read().schools.find((s) => s.id === 'riverside')).toMatchObject({ categoryId: 'green', urgentAction: true });
    const p = await t.as('tom').say('risk publish');
    const sam = cardText(p.notifications.find((n) => 'person' in n.to && n.to.person === 'sam')!);
    expect(sam).toContain('Riverside Academy: GREEN + URGENT ACTION');
    expect(sam).toContain('CEO commissions a senior leader to investigate');
    expect(sam).toContain('Implement the Urgent Action Plan');
    expect(replyText(await t.as('sam').say('risk'))).toContain('GREEN → GREEN + URGENT ACTION');
  });
});

describe('risk meeting for a 150-school trust', () => {
  it('opens for every school and keeps the meeting card valid and under 28 KB', { timeout: 120_000 }, async () => {
    const big = await startTestBot();
    try {
      await big.bot.store.transact((d) => {
        for (let i = d.schools.length; i < 150; i++) {
          d.schools.push({ ...d.schools[i % 7]!, id: `school-${i}`, urn: String(141000 + i), name: `Long Valley Church of England Academy number ${i}`, headteacherId: undefined });
        }
      });
      const opened = await big.as('tom').say('risk open');
      expect(replyText(opened)).toContain('Questions sent for 150 schools');
      expect(replyText(opened)).toContain('143 without a headteacher went to their DoSI');
      const o = await big.as('tom').say('risk meeting');
      const card = renderCard(o.replies[0]!);
      expect(cardProblems(card)).toEqual([]);
      expect(JSON.stringify(card).length).toBeLessThan(28_000);
      // Every text block fits a Slack section (3000 characters).
      const texts = JSON.stringify(card).match(/"text":"(?:[^"\\]|\\.)*"/g)!.map((x) => JSON.parse(`{${x}}`).text as string);
      expect(Math.max(...texts.map((x) => x.length))).toBeLessThanOrEqual(3000);
      expect(texts.filter((x) => x.includes('Long Valley')).length).toBeGreaterThan(1);
      expect(replyText(o)).toContain('0 of 150 answered');
      // 40 schools a page, worst first, and what to type for the rest.
      expect(replyText(o)).toContain('(page 1 of 4)');
      expect(replyText(o)).toContain('… and 110 more: type risk meeting page 2');
      const last = replyText(await big.as('tom').say('risk meeting page 4'));
      expect(last).toContain('(page 4 of 4)');
      expect(last).not.toContain('more: type');
      const red = replyText(await big.as('tom').say('risk meeting red'));
      expect(red).toContain('Risk meeting, Autumn 2 2026-27: RED schools');
      expect(red).not.toContain('AMBER (');
      // Every school decided (half of them moved) and published: the confirmation lists moves, counts the rest.
      await big.bot.store.transact((d) => {
        d.riskRounds.at(-1)!.entries.forEach((e, i) => Object.assign(e, { status: 'decided', decided: i % 2 ? 'red' : d.schools.find((s) => s.id === e.schoolId)!.categoryId, decidedById: 'tom', rationale: 'Agreed at the meeting.' }));
      });
      const published = await big.as('tom').say('risk publish');
      expect(JSON.stringify(renderCard(published.replies[0]!)).length).toBeLessThan(20_000);
      expect(replyText(published)).toContain('Published 150 schools');
      expect(replyText(published)).toMatch(/… and \d+ more moves/);
    } finally {
      await big.stop();
    }
  });
});

describe('risk reminders (daily job)', () => {
  it('reminds schools that have not answered on the 3rd and 6th school day, then tells the DoSI', async () => {
    const r = await startTestBot();
    try {
      await r.as('tom').say('risk open'); // Wed 18 Nov
      const round = r.bot.store.read().riskRounds[0]!;
      await r.as('sam').act('risk.answer', { schoolId: 'riverside', roundId: round.id, ofstedScheme: 'none', attendance: 95, nationalAttendance: 94, safeguardingConcerns: false, leadershipChange: false });
      // The daily job also carries ISAP and forum reminders: keep only the risk round's.
      const on = async (iso: string) => {
        r.clock.set(iso);
        const o = await r.bot.dispatcher.runJob('daily');
        return { ...o, notifications: o.notifications.filter((n) => /risk meeting|have not answered for/.test(cardText(n))) };
      };
      expect((await on('2026-11-20T07:30:00Z')).notifications).toHaveLength(0); // 2nd school day
      const third = await on('2026-11-23T07:30:00Z'); // Mon: 3rd school day
      const people = third.notifications.map((n) => ('person' in n.to ? n.to.person : '')).sort();
      expect(people).toEqual(['david', 'fatima', 'grace', 'owen', 'priya', 'rachel']);
      expect(cardText(third.notifications.find((n) => 'person' in n.to && n.to.person === 'rachel')!)).toContain("Reminder: the risk meeting needs Beacon Primary's answers");
      expect((await on('2026-11-24T07:30:00Z')).notifications).toHaveLength(0);
      const sixth = await on('2026-11-26T07:30:00Z');
      const tom = sixth.notifications.filter((n) => 'person' in n.to && n.to.person === 'tom');
      expect(tom).toHaveLength(1);
      expect(cardText(tom[0]!)).toContain('6 schools have not answered for Autumn 2 2026-27');
    } finally {
      await r.stop();
    }
  });
});
