// The same round on the carter-4 framework (Stabilise / Repair / Improve / Sustain, no overlay),
// with a school that has no headteacher, a CEO rejection and a dispute the Chair rejects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification, Outcome } from '../../src/app/command';
import { CARTER_4 } from '../../src/domain';
import { cardText, replyText, startTestBot, type TestBot } from '../helpers/bot';

let t: TestBot;
const MAP: Record<string, string> = { green: 'sustain', yellow: 'improve', amber: 'repair', red: 'stabilise' };
beforeAll(async () => {
  t = await startTestBot();
  await t.bot.store.transact((d) => {
    d.trust!.framework = CARTER_4;
    for (const s of d.schools) s.categoryId = MAP[s.categoryId!];
    for (const c of d.categoryHistory) {
      c.to = MAP[c.to]!;
      if (c.from) c.from = MAP[c.from];
    }
    d.approvals = [];
    delete d.schools.find((s) => s.id === 'hillcrest')!.headteacherId;
  });
});
afterAll(() => t.stop());

const to = (o: Outcome, person: string): Notification[] => o.notifications.filter((n) => 'person' in n.to && n.to.person === person);
const round = () => t.bot.store.read().riskRounds[0]!;
const entry = (id: string) => round().entries.find((e) => e.schoolId === id)!;
const school = (id: string) => t.bot.store.read().schools.find((s) => s.id === id)!;
const answers = (schoolId: string, over: Record<string, unknown> = {}) => ({
  schoolId, roundId: round().id, criteria: '', ofstedScheme: 'none', attendance: '94.0', nationalAttendance: '94.0',
  safeguardingConcerns: 'no', leadershipChange: 'no', ...over,
});

describe('risk round (carter-4)', () => {
  it('a school without a headteacher sends its questions to its DoSI', async () => {
    const o = await t.as('tom').say('risk open');
    expect(replyText(o)).toContain('1 without a headteacher went to their DoSI');
    const mine = to(o, 'tom');
    expect(mine).toHaveLength(1);
    const text = cardText(mine[0]!);
    expect(text).toContain('Category questions: Hillcrest Primary');
    expect(text).toContain('Currently Improve (B)');
    expect(text).toMatch(/Stabilise \(D\)\n(.*\n)*Safeguarding, behaviour or attendance need immediate action/);
    expect(text).not.toContain('URGENT ACTION');
    expect(to(o, 'priya')).toHaveLength(0);
  });

  it('safeguarding concerns propose Stabilise (no overlay in this framework)', async () => {
    expect((await t.as('tom').say('risk answer hillcrest')).replies[0]!.data.schoolName).toBe('Hillcrest Primary');
    const o = await t.as('tom').act('risk.answer', answers('hillcrest', { safeguardingConcerns: 'yes' }));
    expect(replyText(o)).toContain('Proposed for Hillcrest Primary: Stabilise (D)');
    expect(replyText(o)).toContain('Safeguarding concerns reported → Stabilise');
    expect(entry('hillcrest')).toMatchObject({ proposed: 'stabilise', proposedUrgentAction: false });
  });

  it('the move into Stabilise goes to the CEO, who rejects it: the DoSI is told and may decide again', async () => {
    const d = await t.as('tom').act('risk.decide', { schoolId: 'hillcrest', roundId: round().id, category: 'stabilise', rationale: 'Safeguarding concerns raised by the headteacher.' });
    expect(replyText(d)).toContain('Hillcrest Primary: Stabilise (D) sent to the CEO');
    const approvalId = entry('hillcrest').approvalId!;
    expect(cardText(to(d, 'amira')[0]!)).toContain('Move Hillcrest Primary from Improve (B) to Stabilise (D)');

    const r = await t.as('amira').act('approval.decide', { approvalId, decision: 'reject', comment: 'The LADO has closed the concern; Repair is enough.' });
    const told = to(r, 'tom').map(cardText).join('\n');
    expect(told).toContain('Amira Shah rejected moving Hillcrest Primary to Stabilise (D)');
    expect(told).toContain('Hillcrest Primary stays Improve (B). Comment: The LADO has closed the concern');
    expect(school('hillcrest').categoryId).toBe('improve');
    expect(entry('hillcrest').status).toBe('answered');

    const again = await t.as('tom').act('risk.decide', { schoolId: 'hillcrest', roundId: round().id, category: 'repair', rationale: 'Concern closed; Repair while SLT beds in.' });
    expect(replyText(again)).toContain('Hillcrest Primary: Improve (B) → Repair (C) decided');
  });

  it('two decisions on the same school at once: one lands, the other is told', async () => {
    const [a, b] = await Promise.all([
      t.as('tom').act('risk.decide', { schoolId: 'meadowbank', roundId: round().id, category: 'improve', rationale: 'Confirmed at the meeting.' }),
      t.as('amira').act('risk.decide', { schoolId: 'meadowbank', roundId: round().id, category: 'repair', rationale: 'Moved at the meeting.' }),
    ]);
    const texts = [replyText(a), replyText(b)];
    expect(texts.filter((x) => x.includes('Meadowbank Special School is already decided'))).toHaveLength(1);
    expect(['improve', 'repair']).toContain(entry('meadowbank').decided);
    expect((await t.bot.store.audit()).filter((e) => e.action === 'risk.decide' && e.subject === 'meadowbank' && e.outcome === 'ok')).toHaveLength(1);
  });

  it('Beacon moves into Stabilise; the deputy CEO approves', async () => {
    await t.as('rachel').act('risk.answer', answers('beacon', { criteria: 'repair#3', leadershipChange: 'yes', attendance: '90', ofstedScheme: 'legacy', ofstedDate: '2023-03-15', ofstedOverall: 'requires-improvement' }));
    expect(entry('beacon').proposed).toBe('repair');
    const d = await t.as('tom').act('risk.decide', { schoolId: 'beacon', roundId: round().id, category: 'stabilise', rationale: 'Leadership capacity gone with the deputy leaving.' });
    const a = await t.as('mark').act('approval.decide', { approvalId: entry('beacon').approvalId!, decision: 'approve' });
    expect(replyText(a)).toContain('Approved by Mark Ellis');
    expect(to(d, 'amira')).toHaveLength(1);
    expect(school('beacon').categoryId).toBe('stabilise');
  });

  it('publishing puts each category\'s remedial actions in the ISAP; the DoSI owns them where there is no headteacher', async () => {
    const o = await t.as('tom').say('risk publish');
    expect(replyText(o)).toContain('Published 3 schools');
    const rachel = cardText(to(o, 'rachel')[0]!);
    expect(rachel).toContain('Beacon Primary: Stabilise (D)');
    expect(rachel).toContain('Rapid School Improvement Board');
    expect(rachel).toContain('Convene a Rapid School Improvement Board');
    const tom = cardText(to(o, 'tom')[0]!);
    expect(tom).toContain('The risk meeting placed Hillcrest Primary in Repair (C) (was Improve (B))');
    const isap = t.bot.store.read().isapActions.filter((a) => a.source?.startsWith('risk round'));
    expect(isap.filter((a) => a.schoolId === 'hillcrest').map((a) => [a.title, a.ownerId])).toEqual([
      ['Agree Repair-phase ISAP priorities with the school partner', 'tom'],
      ['Book fortnightly school partner visits for the half term', 'tom'],
    ]);
    expect(isap.filter((a) => a.schoolId === 'beacon')).toHaveLength(3);
  });

  it('rachel disputes; helen rejects it: the category stands and both sides hear why', async () => {
    await t.as('rachel').act('risk.dispute', { schoolId: 'beacon', roundId: round().id, wanted: 'repair', case: 'A new deputy starts in January; capacity is there.' });
    const id = entry('beacon').dispute!.approvalId;
    const o = await t.as('helen').act('approval.decide', { approvalId: id, decision: 'reject', comment: 'Until the new deputy is in post the category stands.' });
    expect(school('beacon').categoryId).toBe('stabilise');
    const r = to(o, 'rachel').map(cardText).join('\n');
    expect(r).toContain("The Chair decided Beacon Primary's category stands: Stabilise (D)");
    expect(r).toContain('Until the new deputy is in post');
    expect(to(o, 'tom').map(cardText).join('\n')).toContain('category stands');
    const history = replyText(await t.as('rachel').say('risk'));
    expect(history).toContain('Repair (C) → Stabilise (D)');
    expect(history).toContain('Raised by Tom Okafor, decided by Mark Ellis');
  });
});
