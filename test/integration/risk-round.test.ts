// The whole half-termly risk round through the dispatcher, as the demo trust's people (rag-5).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification, Outcome } from '../../src/app/command';
import { renderCard } from '../../src/cards/render';
import { cardProblems } from '../../src/cards/validate';
import { cardText, replyText, startTestBot, type TestBot } from '../helpers/bot';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(() => t.stop());

const to = (o: Outcome, person: string): Notification[] => o.notifications.filter((n) => 'person' in n.to && n.to.person === person);
const school = (id: string) => t.bot.store.read().schools.find((s) => s.id === id)!;
const round = () => t.bot.store.read().riskRounds[0]!;
const entry = (id: string) => round().entries.find((e) => e.schoolId === id)!;

const beaconAnswers = () => ({
  schoolId: 'beacon',
  roundId: round().id,
  criteria: 'amber#0,yellow#2',
  ofstedScheme: 'legacy',
  ofstedDate: '2023-03-15',
  ofstedOverall: 'requires-improvement',
  attendance: '89.0',
  nationalAttendance: '94.0',
  safeguardingConcerns: 'no',
  leadershipChange: 'no',
  notes: 'Phonics catch-up behind plan.',
});

describe('risk round (rag-5)', () => {
  it('tom opens the round; every headteacher gets their school\'s questions; a second open is refused', async () => {
    const o = await t.as('tom').say('risk open');
    expect(replyText(o)).toContain('Risk round Autumn 2 2026-27 is open');
    expect(replyText(o)).toContain('Questions sent for 7 schools');
    const rachel = to(o, 'rachel');
    expect(rachel).toHaveLength(1);
    expect(rachel[0]!.card).toBe('risk-questions');
    const text = cardText(rachel[0]!);
    expect(text).toContain('Category questions: Beacon Primary');
    expect(text).toMatch(/AMBER\n(.*\n)*Emerging trend of declining performance/);
    expect(text).toMatch(/URGENT ACTION\n(.*\n)*Safeguarding concerns/);
    expect(cardProblems(renderCard(rachel[0]!))).toEqual([]);
    expect(cardText(to(o, 'sam')[0]!)).toContain('Riverside Academy');
    expect(to(o, 'fatima')).toHaveLength(1);

    const again = await t.as('tom').say('risk open');
    expect(replyText(again)).toContain('The Autumn 2 2026-27 risk round is already open: Tom Okafor opened it');
    expect(t.bot.store.read().riskRounds).toHaveLength(1);
  });

  it('a teacher cannot open or answer, and the refusal is audited', async () => {
    expect(replyText(await t.as('jo').say('risk open'))).toContain('Your role does not let you use "risk open"');
    expect((await t.bot.store.audit()).some((e) => e.actorId === 'jo' && e.action === 'risk.open' && e.outcome === 'refused')).toBe(true);
  });

  it('rachel gets Beacon\'s questions, pre-filled with its Ofsted judgement', async () => {
    const o = await t.as('rachel').say('risk answer');
    const view = o.replies[0]!;
    expect(view.card).toBe('risk-questions');
    expect(view.data.schoolName).toBe('Beacon Primary');
    expect(view.data.ofstedOverall).toBe('requires-improvement');
    expect(replyText(await t.as('rachel').say('risk answer riverside'))).toContain('You can only do this for your own school, not Riverside Academy');
  });

  it('malformed and forged answers get a clear answer and change nothing', async () => {
    const before = JSON.stringify(round());
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...beaconAnswers(), attendance: 'lots' }, /attendance: a percentage such as 93.4/],
      [{ ...beaconAnswers(), attendance: '140' }, /attendance: a percentage from 0 to 100/],
      [(({ safeguardingConcerns, ...rest }) => rest)(beaconAnswers()), /safeguardingConcerns/],
      [{ ...beaconAnswers(), ofstedOverall: '' }, /ofstedOverall: give the overall judgement/],
      [{ ...beaconAnswers(), criteria: 'purple#9' }, /purple#9 is not one of the trust's criteria/],
      [{ ...beaconAnswers(), schoolId: 'riverside' }, /You can only answer for your own school, not Riverside Academy/],
      [{ ...beaconAnswers(), roundId: 'old-round' }, /earlier risk round/],
    ];
    for (const [data, message] of cases) {
      const o = await t.as('rachel').act('risk.answer', data);
      expect(o.replies[0]!.card).toBe('error');
      expect(replyText(o)).toMatch(message);
    }
    expect(JSON.stringify(round())).toBe(before);
    expect((await t.bot.store.audit()).some((e) => e.actorId === 'rachel' && e.action === 'risk.answer' && e.subject === 'riverside' && e.outcome === 'refused')).toBe(true);
  });

  it('rachel answers and sees the proposal with its reason; sam answers for Riverside', async () => {
    const o = await t.as('rachel').act('risk.answer', beaconAnswers());
    const text = replyText(o);
    expect(text).toContain('Proposed for Beacon Primary: AMBER');
    expect(text).toContain('The school picked 1 AMBER criterion');
    expect(entry('beacon')).toMatchObject({ status: 'answered', proposed: 'amber', answeredById: 'rachel' });
    expect(entry('beacon').answers!.ofsted).toEqual({ scheme: 'legacy', date: '2023-03-15', overall: 'requires-improvement' });

    const s = await t.as('sam').act('risk.answer', {
      schoolId: 'riverside', roundId: round().id, criteria: 'green#0', ofstedScheme: 'report-card', ofstedDate: '2026-03-04',
      'grade-inclusion': 'strong', 'grade-achievement': 'expected', 'grade-leadership-and-governance': 'strong', 'grade-early-years': '',
      ofstedSafeguarding: 'met', attendance: '95.1', nationalAttendance: '93.8', safeguardingConcerns: 'no', leadershipChange: 'no', notes: '',
    });
    expect(replyText(s)).toContain('Proposed for Riverside Academy: GREEN');
    expect(entry('riverside').answers!.ofsted).toMatchObject({ scheme: 'report-card', grades: { inclusion: 'strong', achievement: 'expected' }, safeguardingMet: true });
  });

  it('tom sees the meeting: current, proposed, trend and who has not answered', async () => {
    const o = await t.as('tom').say('risk meeting');
    const text = replyText(o);
    expect(text).toContain('Risk meeting, Autumn 2 2026-27');
    expect(text).toContain('2 of 7 answered');
    // What needs the Director first, then the board: worst category first, each school's trend and stage.
    expect(text).toContain('Needs you now\n- **2 to decide**: type risk meeting to decide\n- **5 not answered**: type risk meeting not answered');
    expect(text).toContain('AMBER (2)\n- **Beacon Primary** · ↓ weaker · **to decide**: proposed AMBER\n- **Oakfield Academy** · ↓ weaker · not answered');
    expect(text).toContain('GREEN (2)\n- **Riverside Academy** · ↑ stronger · **to decide**: proposed GREEN');
    expect(text).toContain('- **Hillcrest Primary** · first placement · not answered');
    expect(text.indexOf('RED (1)')).toBeLessThan(text.indexOf('AMBER (2)'));
    const card = renderCard(o.replies[0]!);
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('"verb":"risk.review"');
    // `risk` on its own is the same meeting for the executive; the Chair may read it too.
    expect(replyText(await t.as('tom').say('risk'))).toContain('2 of 7 answered');
    const chair = await t.as('helen').say('risk meeting');
    expect(replyText(chair)).toContain('2 to decide');
    expect(JSON.stringify(renderCard(chair.replies[0]!))).not.toContain('risk.review');
  });

  it('tom reviews Beacon and sees the answers and the reasons', async () => {
    const o = await t.as('tom').act('risk.review', { schoolId: 'beacon' });
    const text = replyText(o);
    expect(text).toContain('Attendance');
    expect(text).toContain('89% (national 94%)');
    expect(text).toContain('requires improvement (2023-03-15)');
    expect(text).toContain('Rationale and evidence');
    expect(text).toContain('Why the bot proposes it');
    expect(text).toContain("- The school picked 1 AMBER criterion (Recently judged 'requires improvement' and not making rapid improvement)");
    expect(JSON.stringify(renderCard(o.replies[0]!))).toContain('"verb":"risk.decide"');
  });

  it('tom confirms Riverside GREEN: decided, no CEO needed', async () => {
    const o = await t.as('tom').act('risk.decide', { schoolId: 'riverside', roundId: round().id, category: 'green', urgentAction: 'false', rationale: 'Strong report card and attendance above national.' });
    expect(replyText(o)).toContain('Riverside Academy: GREEN confirmed');
    expect(o.notifications).toHaveLength(0);
    expect(entry('riverside').status).toBe('decided');
  });

  it('bad decisions change nothing', async () => {
    const before = JSON.stringify(round());
    const base = { schoolId: 'beacon', roundId: round().id, category: 'red', rationale: 'x' };
    expect(replyText(await t.as('tom').act('risk.decide', { ...base, category: 'urgent-action' }))).toContain('is not a category of');
    expect(replyText(await t.as('tom').act('risk.decide', { ...base, rationale: '  ' }))).toContain('rationale: give the rationale the school will read');
    expect(replyText(await t.as('tom').act('risk.decide', { ...base, urgentAction: 'perhaps' }))).toContain('That card could not be used: urgentAction');
    expect(replyText(await t.as('rachel').act('risk.decide', base))).toContain('Your role does not let you use "risk decide"');
    expect(replyText(await t.as('tom').act('risk.decide', { ...base, schoolId: 'riverside' }))).toContain('Riverside Academy is already decided: decided GREEN, to publish, by Tom Okafor. Nothing was changed.');
    expect(replyText(await t.as('tom').act('risk.decide', { ...base, schoolId: 'no-such-school' }))).toContain('That school was not found');
    expect(replyText(await t.as('tom').act('risk.decide', { ...base, roundId: 'last-year' }))).toContain('That card is from an earlier risk round');
    expect(replyText(await t.as('tom').act('risk.decide', { schoolId: 'beacon', roundId: round().id, category: 7, rationale: 'x' }))).toContain('That card could not be used: category');
    // Once decided, the headteacher's answers are closed too.
    const late = await t.as('sam').act('risk.answer', { schoolId: 'riverside', roundId: round().id, ofstedScheme: 'none', attendance: 80, nationalAttendance: 94, safeguardingConcerns: false, leadershipChange: false });
    expect(replyText(late)).toContain('The risk meeting has already decided Riverside Academy: your answers were not changed.');
    expect(JSON.stringify(round())).toBe(before);
  });

  let approvalId = '';
  it('tom moves Beacon into RED: it becomes a CEO decision for amira', async () => {
    const o = await t.as('tom').act('risk.decide', { schoolId: 'beacon', roundId: round().id, category: 'red', urgentAction: 'false', rationale: 'Phonics and attendance not responding to trust support with urgency.' });
    expect(replyText(o)).toContain('Beacon Primary: RED sent to the CEO');
    const card = to(o, 'amira')[0]!;
    const text = cardText(card);
    expect(text).toContain('Move Beacon Primary from AMBER to RED');
    expect(text).toContain('Bot proposal');
    expect(text).toContain('Phonics and attendance not responding');
    expect(text).toContain('Peer review termly');
    expect(to(o, 'mark')).toHaveLength(1);
    expect(school('beacon').categoryId).toBe('amber');
    expect(entry('beacon').status).toBe('awaiting-ceo');
    approvalId = entry('beacon').approvalId!;
    const again = await t.as('tom').act('risk.decide', { schoolId: 'beacon', roundId: round().id, category: 'amber', rationale: 'Changed my mind' });
    expect(replyText(again)).toContain('Beacon Primary is already decided: RED waiting for the CEO');
  });

  it('amira approves: Beacon is RED with a recorded change', async () => {
    const o = await t.as('amira').act('approval.decide', { approvalId, decision: 'approve', comment: 'Agreed.' });
    expect(replyText(o)).toContain('Approved by Amira Shah');
    expect(school('beacon').categoryId).toBe('red');
    const change = t.bot.store.read().categoryHistory.at(-1)!;
    expect(change).toMatchObject({ schoolId: 'beacon', from: 'amber', to: 'red', byId: 'amira', approvalId, rationale: 'Phonics and attendance not responding to trust support with urgency.' });
    expect(change.evidence).toContain('Attendance: 89% (national 94%)');
    expect(entry('beacon')).toMatchObject({ status: 'decided', changeId: change.id });
    // Rachel hears at publication, not before.
    expect(to(o, 'rachel')).toHaveLength(0);
  });

  it('tom publishes: histories, ISAP actions and each headteacher told', async () => {
    const o = await t.as('tom').say('risk publish');
    expect(replyText(o)).toContain('Published 2 schools, Autumn 2 2026-27');
    expect(replyText(o)).toContain('1 moved, 1 confirmed. 5 not yet decided');
    // A move is listed with where the school was; a confirmation is counted, never shown as a move.
    expect(replyText(o)).toContain('Beacon Primary: RED\nwas AMBER');
    expect(replyText(o)).toContain('Confirmed where they were: 1\nGREEN 1');
    expect(replyText(o)).not.toContain('GREEN → GREEN');
    const rachel = to(o, 'rachel')[0]!;
    const text = cardText(rachel);
    expect(text).toContain('Beacon Primary: RED');
    expect(text).toContain('The risk meeting placed Beacon Primary in RED (was AMBER)');
    expect(text).toContain('Safeguarding review bi-annually');
    expect(text).toContain('Executive Team review monthly');
    expect(text).toContain('Added to your ISAP');
    expect(text).toContain('Agree the Rapid Response Commitment Plan with the CEO');
    expect(cardProblems(renderCard(rachel))).toEqual([]);
    expect(cardText(to(o, 'sam')[0]!)).toContain('The risk meeting confirmed Riverside Academy in GREEN');

    const data = t.bot.store.read();
    const added = data.isapActions.filter((a) => a.source === 'risk round Autumn 2 2026-27');
    expect(added.map((a) => a.title).sort()).toEqual(['Agree the Rapid Response Commitment Plan with the CEO', 'Book the safeguarding review', 'Book the termly peer review']);
    expect(added.every((a) => a.ownerId === 'rachel' && a.schoolId === 'beacon' && a.due > '2026-11-18')).toBe(true);
    // 15 school days from Wed 18 Nov 2026 is Wed 9 Dec.
    expect(added[0]!.due).toBe('2026-12-09');
    // The confirmation lands in the history too (no second change for Beacon: the approval made it).
    expect(data.categoryHistory.filter((c) => c.schoolId === 'beacon' && c.to === 'red')).toHaveLength(1);
    expect(data.categoryHistory.at(-1)).toMatchObject({ schoolId: 'riverside', from: 'green', to: 'green', byId: 'tom' });
    expect(replyText(await t.as('tom').say('risk publish'))).toContain('Nothing to publish');
  });

  it('rachel sees Beacon\'s history; sam cannot see Beacon\'s', async () => {
    const text = replyText(await t.as('rachel').say('risk'));
    expect(text).toContain('Beacon Primary: RED');
    expect(text).toContain('Trend: YELLOW → AMBER → RED');
    expect(text).toMatch(/18 Nov 2026: AMBER → RED/);
    expect(text).toContain('Raised by Tom Okafor, decided by Amira Shah.');
    expect(replyText(await t.as('tom').say('risk 140001'))).toContain('Beacon Primary: RED');
    expect(replyText(await t.as('tom').say('risk BEACON prim'))).toContain('Beacon Primary: RED');
    expect(replyText(await t.as('sam').say('risk beacon'))).toContain('You can only do this for your own school');
  });

  let disputeId = '';
  it('rachel disputes; sam cannot dispute Beacon; helen gets both cases', async () => {
    const forged = await t.as('sam').act('risk.dispute', { schoolId: 'beacon', roundId: round().id, wanted: 'amber', case: 'Beacon is fine, honestly.' });
    expect(replyText(forged)).toContain('Only the headteacher of Beacon Primary can dispute');
    expect(replyText(await t.as('rachel').act('risk.dispute', { schoolId: 'beacon', roundId: round().id, wanted: 'amber', case: 'short' }))).toContain("case: give the school's case");

    const o = await t.as('rachel').act('risk.dispute', { schoolId: 'beacon', roundId: round().id, wanted: 'amber', case: 'Attendance has risen for two half terms and phonics catch-up is now on plan.' });
    expect(replyText(o)).toContain('Dispute sent to the Chair: Beacon Primary');
    const card = to(o, 'helen')[0]!;
    const text = cardText(card);
    expect(text).toContain('Dispute: Beacon Primary placed in RED; the school asks for AMBER');
    expect(text).toContain('Beacon Primary (Rachel Green)');
    expect(text).toContain('Attendance has risen for two half terms');
    expect(text).toContain('The executive team');
    expect(text).toContain('Phonics and attendance not responding to trust support');
    expect(to(o, 'amira')).toHaveLength(0);
    expect(cardText(to(o, 'tom')[0]!)).toContain('Beacon Primary disputes RED');
    disputeId = entry('beacon').dispute!.approvalId;
    const twice = await t.as('rachel').act('risk.dispute', { schoolId: 'beacon', roundId: round().id, wanted: 'yellow', case: 'Another go at the same thing.' });
    expect(replyText(twice)).toContain('already disputed');
  });

  it('the CEO cannot decide the dispute; helen upholds it and both sides hear', async () => {
    expect(replyText(await t.as('amira').act('approval.decide', { approvalId: disputeId, decision: 'approve' }))).toContain('Only the Chair of the Board may decide');
    const o = await t.as('helen').act('approval.decide', { approvalId: disputeId, decision: 'approve', comment: 'The attendance evidence is convincing; review at spring 1.' });
    expect(school('beacon').categoryId).toBe('amber');
    expect(t.bot.store.read().categoryHistory.at(-1)).toMatchObject({ schoolId: 'beacon', from: 'red', to: 'amber', byId: 'helen', approvalId: disputeId });
    expect(cardText(to(o, 'rachel').find((n) => n.card === 'list' && cardText(n).includes('upheld'))!)).toContain("The Chair upheld Beacon Primary's dispute: now AMBER (was RED)");
    expect(cardText(to(o, 'tom')[0]!)).toContain('The attendance evidence is convincing');
    // RED's remedial actions leave Beacon's plan; AMBER's come in.
    const plan = t.bot.store.read().isapActions.filter((x) => x.schoolId === 'beacon' && x.status === 'open').map((x) => x.title);
    expect(plan).not.toContain('Book the termly peer review');
    expect(plan).toContain('Schedule the half-termly Executive Team review');
    expect(cardText(to(o, 'tom')[0]!)).toMatch(/ISAP: \d+ actions? of the overturned category withdrawn; added: .*Schedule the half-termly Executive Team review/);
    expect(entry('beacon').status).toBe('published');
    const again = await t.as('rachel').act('risk.dispute', { schoolId: 'beacon', roundId: round().id, wanted: 'yellow', case: 'And now we think YELLOW.' });
    expect(replyText(again)).toContain("The Chair has already decided Beacon Primary's dispute for this round");
    expect(school('beacon').categoryId).toBe('amber');
  });
});
