// A decision only the CEO or Deputy CEO may take is refused to anyone else who clicks its button in
// Teams, the Director of School Improvement included (who sees every decision but decides none of
// these), and changes nothing; the CEO's click decides it. Guards the decider check of approval.decide
// (src/app/workflows/approvals.ts) and the buttons on the card (src/app/views/approval-view.ts): the
// only earlier test of a Director clicking was on his own request, refused for that reason instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeConnector, type FakeConnector } from '../fakes/teams-connector';
import { startTestBot, type TestBot } from '../helpers/bot';
import { cardAction, demoUser, postActivity, textOf } from '../helpers/teams-activities';

const amira = demoUser(1, 'Amira Shah'); // CEO
const tom = demoUser(2, 'Tom Okafor'); // Director of School Improvement
const rachel = demoUser(3, 'Rachel Green'); // Beacon's headteacher
const helen = demoUser(6, 'Helen Price'); // Chair

let t: TestBot;
let fake: FakeConnector;
let o: { serviceUrl: string };
let actionId = '';
let due = '';
let approvalId = '';

beforeAll(async () => {
  fake = await startFakeConnector();
  o = { serviceUrl: fake.url };
  t = await startTestBot({ boot: { playground: false } });
});
afterAll(async () => {
  await t.stop();
  await fake.close();
});

const click = (who: typeof tom, verb: string, data: Record<string, unknown>) => postActivity(t.url, cardAction(who, verb, data, o));
const action = () => t.bot.store.read().isapActions.find((a) => a.id === actionId)!;

describe('a CEO-only decision', () => {
  it('is raised when a headteacher asks for more than 20 school days', async () => {
    const a = t.bot.store.read().isapActions.find((x) => x.schoolId === 'beacon' && x.status === 'open')!;
    actionId = a.id;
    due = a.due;
    const res = await click(rachel, 'isap.extend', { actionId, newDue: '2027-03-26', reason: 'The new phonics scheme starts after Easter' });
    expect(textOf(res.body.value)).toContain('the CEO or Deputy CEO will decide');
    approvalId = t.bot.store.read().approvals.find((x) => x.kind === 'isap-extension' && x.requestedById === 'rachel')!.id;
  });

  it('is refused to the Director who clicks Approve, and the due date stays', async () => {
    const res = await click(tom, 'approval.decide', { approvalId, decision: 'approve' });
    expect(res.status).toBe(200);
    expect(textOf(res.body.value ?? res.body)).toContain('Only the CEO or Deputy CEO may decide');
    expect(action().due).toBe(due);
    // The Director may look at it, but his card has no buttons.
    const seen = await click(tom, 'approval.view', { approvalId });
    expect(textOf(seen.body.value)).toContain('Beacon');
    expect(seen.body.value.actions ?? []).toEqual([]);
  });

  it('is refused to the Chair and to the headteacher who asked', async () => {
    for (const who of [helen, rachel]) {
      const res = await click(who, 'approval.decide', { approvalId, decision: 'approve' });
      expect(textOf(res.body.value ?? res.body), who.name).toMatch(/Only the CEO or Deputy CEO may decide|Your role does not let you use "approval decide"/);
    }
    expect(action().due).toBe(due);
  });

  it('is still waiting, with buttons, for the CEO, and her click decides it', async () => {
    const waiting = await click(amira, 'approval.view', { approvalId });
    expect(textOf(waiting.body.value)).not.toMatch(/Approved by|Rejected by/);
    expect(waiting.body.value.actions.map((a: { verb: string }) => a.verb)).toContain('approval.decide');
    const res = await click(amira, 'approval.decide', { approvalId, decision: 'approve' });
    expect(textOf(res.body.value)).toContain('Approved by Amira Shah');
    expect(action().due).toBe('2027-03-26');
  });
});
