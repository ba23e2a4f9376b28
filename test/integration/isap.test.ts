// ISAP through the dispatcher as the demo people: lists, the plan, adding, updating, completing,
// snoozing and extensions, each with what the people involved see, and forged cards that change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCard } from '../../src/cards/render';
import { cardProblems } from '../../src/cards/validate';
import { cardText, replyText, startTestBot, type TestBot } from '../helpers/bot';
import { createInbox } from '../helpers/isap-inbox';

let t: TestBot;
const inbox = createInbox();
beforeAll(async () => {
  t = await startTestBot({ boot: { channels: [inbox.channel] } });
});
afterAll(() => t.stop());

const idOf = (title: string) => t.bot.store.read().isapActions.find((a) => a.title.startsWith(title))!.id;
const action = (title: string) => t.bot.store.read().isapActions.find((a) => a.title.startsWith(title))!;
const delivered = async () => t.bot.outbox.idle();

describe('isap: lists', () => {
  it('shows a teacher her own actions, overdue first, with the school name and an Open button', async () => {
    const o = await t.as('jo').say('isap');
    const text = replyText(o);
    expect(text).toContain('1 of your actions overdue');
    expect(text).toContain('Phonics: every Year 1 pupil');
    expect(text).toContain('Beacon Primary · Jo Williams · Overdue: due Thu 5 Nov (9 school days ago)');
    expect(text).not.toContain('Year 6 writing moderation'); // complete
    expect(text).not.toContain('Attendance: first-day calling'); // Rachel's
    const card = renderCard(o.replies[0]!);
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain(`"actionId":"${idOf('Phonics')}"`);
  });

  it("shows a headteacher her school's plan grouped by strand, and refuses another school's", async () => {
    const text = replyText(await t.as('rachel').say('isap beacon primary'));
    expect(text).toContain('ISAP: Beacon Primary');
    expect(text).toContain('4 open, 2 overdue, 1 complete.');
    const strands = ['Inclusion', 'Leadership and Governance', 'Quality of Education'].map((s) => text.indexOf(s));
    expect(strands.every((i) => i > 0)).toBe(true);
    expect([...strands].sort((a, b) => a - b)).toEqual(strands);
    expect(text).toContain('Lucy Adams');
    const refused = replyText(await t.as('rachel').say('isap riverside'));
    expect(refused).toContain("You can see only your own school's plan, not Riverside Academy's.");
    expect(replyText(await t.as('jo').say('isap oakfield'))).toContain('only your own school');
    expect(replyText(await t.as('tom').say('isap oakfield'))).toContain('ISAP: Oakfield Academy');
    expect(replyText(await t.as('tom').say('isap nowhere'))).toContain('A school called "nowhere" was not found');
  });

  it('lists every overdue action, most overdue first, for the DoSI, and only her own school for a headteacher', async () => {
    const text = replyText(await t.as('tom').say('isap overdue'));
    expect(text).toContain('6 overdue actions');
    expect(text).toContain('Across 4 schools; most overdue first.');
    expect(text).toContain('Most overdue actions: Beacon Primary (2), Oakfield Academy (2), Northgate Junior School (1), Riverside Academy (1).');
    const days = [...text.matchAll(/\((\d+) school days? ago\)/g)].map((m) => Number(m[1]));
    expect(days.length).toBe(6);
    expect([...days].sort((a, b) => b - a)).toEqual(days);
    const own = replyText(await t.as('rachel').say('isap overdue'));
    expect(own).toContain('2 overdue actions');
    expect(own).not.toContain('Oakfield');
    expect(replyText(await t.as('jo').say('isap overdue'))).toContain('Your role does not let you use "isap overdue"');
  });

  it("opens an action's card with its buttons, but not another school's action", async () => {
    const o = await t.as('rachel').act('isap.open', { actionId: idOf('Phonics') });
    expect(replyText(o)).toMatch(/Update[\s\S]*Mark complete[\s\S]*Ask for more time[\s\S]*Snooze/);
    expect(cardProblems(renderCard(o.replies[0]!))).toEqual([]);
    expect(replyText(await t.as('sam').act('isap.open', { actionId: idOf('Phonics') }))).toContain('That ISAP action was not found');
    // The Chair may read any plan but has no buttons.
    const chair = renderCard((await t.as('helen').act('isap.open', { actionId: idOf('Phonics') })).replies[0]!);
    expect(chair.actions).toBeUndefined();
  });

  it('shows an empty plan plainly', async () => {
    await t.bot.store.transact((d) => void (d.isapActions = d.isapActions.filter((a) => a.schoolId !== 'hillcrest')));
    expect(replyText(await t.as('priya').say('isap hillcrest'))).toContain('This school has no ISAP actions yet.');
  });
});

describe('isap: add', () => {
  it('gives a headteacher a form with her school\'s people, and adds the action, telling its owner', async () => {
    const form = await t.as('rachel').say('isap add');
    const text = replyText(form);
    expect(text).toContain('New ISAP action: Beacon Primary');
    expect(text).toContain('Lucy Adams, SENDCO, Beacon Primary');
    expect(text).not.toContain('Sam Patel');
    expect(cardProblems(renderCard(form.replies[0]!))).toEqual([]);

    inbox.clear();
    const o = await t.as('rachel').act('isap.add', { schoolId: 'beacon', title: 'EYFS outdoor provision audit', strand: 'Quality of Education', ownerId: 'ella', due: '2026-12-10', rag: 'amber' });
    expect(replyText(o)).toContain('Added to the plan.');
    expect(action('EYFS outdoor').ownerId).toBe('ella');
    await delivered();
    expect(inbox.of('ella').join('\n')).toContain('Rachel Green gave you a new ISAP action.');
  });

  it('asks the DoSI which school, and keeps a headteacher to her own', async () => {
    expect(replyText(await t.as('tom').say('isap add'))).toContain('Say which school: isap add <school>.');
    expect(replyText(await t.as('tom').say('isap add oakfield'))).toContain('New ISAP action: Oakfield Academy');
    expect(replyText(await t.as('rachel').say('isap add riverside'))).toContain("You can add actions only to your own school's plan.");
    expect(replyText(await t.as('jo').say('isap add'))).toContain('Your role does not let you use "isap add"');
  });

  it('refuses forged and malformed forms and adds nothing', async () => {
    const before = t.bot.store.read().isapActions.length;
    const cases: [Record<string, unknown>, string][] = [
      [{ schoolId: 'riverside', title: 'x', strand: 'Inclusion', ownerId: 'sam', due: '2026-12-10' }, "only to your own school's plan"],
      [{ schoolId: 'beacon', title: 'x', strand: 'Inclusion', ownerId: 'sam', due: '2026-12-10' }, 'The owner must be someone at the school'],
      [{ schoolId: 'beacon', title: 'x', strand: 'Inclusion', ownerId: 'jo', due: 'tomorrow' }, 'That card could not be used: due'],
      [{ schoolId: 'beacon', title: '', strand: 'Inclusion', ownerId: 'jo', due: '2026-12-10' }, 'title: the action is required'],
      [{ schoolId: 'beacon', title: 'x', strand: 'Inclusion', ownerId: 'jo', due: '2026-12-10', rag: 'purple' }, 'That card could not be used: rag'],
      [{ schoolId: 'beacon', title: 'x', strand: 'Inclusion', ownerId: 'jo', due: '2026-11-01' }, 'between today and the end of the academic year'],
      [{ schoolId: 42, title: 'x', strand: 'Inclusion', ownerId: 'jo', due: '2026-12-10' }, 'That card could not be used: schoolId'],
    ];
    for (const [data, says] of cases) expect(replyText(await t.as('rachel').act('isap.add', data))).toContain(says);
    expect(replyText(await t.as('jo').act('isap.add', cases[1]![0]))).toContain('Your role does not let you use "isap add"');
    expect(t.bot.store.read().isapActions.length).toBe(before);
  });
});

describe('isap: update, complete, snooze', () => {
  it('lets the owner update RAG and add a note, but not move the date later without a reason', async () => {
    const id = idOf('Phonics');
    const o = await t.as('jo').act('isap.update', { actionId: id, rag: 'amber', note: 'Groups set; 3 pupils still to assess' });
    const text = replyText(o);
    expect(text).toContain('Saved.');
    expect(text).toContain('⚠️ At risk');
    expect(text).toContain('Groups set; 3 pupils still to assess');
    const later = await t.as('jo').act('isap.update', { actionId: id, due: '2026-12-18' });
    expect(replyText(later)).toContain('A later date needs a reason: say why in the progress note. Nothing was changed.');
    expect(action('Phonics').due).toBe('2026-11-05');
    expect((await t.bot.store.audit()).some((e) => e.action === 'isap.update' && e.subject === id && e.detail.note)).toBe(true);
  });

  it('keeps staff to their own actions and everyone to their own school, changing nothing', async () => {
    const lucys = idOf('SEND register');
    const before = JSON.stringify(t.bot.store.read().isapActions);
    expect(replyText(await t.as('jo').act('isap.update', { actionId: lucys, rag: 'red' }))).toContain('You can change only the actions you own');
    expect(replyText(await t.as('sam').act('isap.complete', { actionId: lucys, evidence: 'done' }))).toContain('That action belongs to another school');
    expect(replyText(await t.as('sam').act('isap.snooze', { actionId: lucys, until: '2026-12-01', snoozeReason: 'x' }))).toContain('another school');
    expect(replyText(await t.as('jo').act('isap.update', { actionId: 'no-such', rag: 'red' }))).toContain('That ISAP action was not found');
    expect(replyText(await t.as('jo').act('isap.update', { actionId: idOf('Phonics'), rag: 7 }))).toContain('That card could not be used: rag');
    expect(JSON.stringify(t.bot.store.read().isapActions)).toBe(before);
    expect((await t.bot.store.audit()).filter((e) => e.subject === lucys && e.outcome === 'refused').length).toBe(3);
  });

  it('needs evidence of impact to complete, then tells the headteacher', async () => {
    const id = idOf('Phonics');
    expect(replyText(await t.as('jo').act('isap.complete', { actionId: id, evidence: '   ' }))).toContain('evidence: evidence of impact is required');
    expect(replyText(await t.as('jo').act('isap.complete', { actionId: id }))).toContain('That card could not be used: evidence');
    expect(action('Phonics').status).toBe('open');
    inbox.clear();
    const o = await t.as('jo').act('isap.complete', { actionId: id, evidence: '28 of 30 pupils now at expected phonics phase' });
    expect(replyText(o)).toContain('Marked complete.');
    expect(renderCard(o.replies[0]!).actions).toBeUndefined(); // no buttons on a complete action
    await delivered();
    expect(inbox.of('rachel').join('\n')).toContain('Completed: Phonics');
    expect(replyText(await t.as('jo').act('isap.complete', { actionId: id, evidence: 'again' }))).toContain('already complete');
  });

  it('snoozes with a reason kept in the audit log', async () => {
    const id = idOf('KS4 maths');
    expect(replyText(await t.as('hannah').act('isap.snooze', { actionId: id, until: '2026-11-25' }))).toContain('snoozeReason');
    const o = await t.as('hannah').act('isap.snooze', { actionId: id, until: '2026-11-25', snoozeReason: 'Mocks week' });
    expect(replyText(o)).toContain('Snoozed: no reminders until Wed 25 Nov.');
    expect((await t.bot.store.audit()).some((e) => e.action === 'isap.snooze' && e.subject === id && e.detail.reason === 'Mocks week')).toBe(true);
    // The headteacher, next up the ladder the snooze silences, is told with the reason.
    const sam = o.notifications.filter((n) => 'person' in n.to && n.to.person === 'sam').map(cardText).join('\n');
    expect(sam).toContain('Snoozed until Wed 25 Nov: KS4 maths intervention timetable in place');
    expect(sam).toContain('Hannah Wood · Riverside Academy. Reason: Mocks week');
  });
});

describe('isap: extensions', () => {
  it('sends a short extension to the DoSI, who approves: the date moves and the owner is told', async () => {
    const id = idOf('Attendance: first-day');
    inbox.clear();
    const o = await t.as('rachel').act('isap.extend', { actionId: id, newDue: '2026-12-04', reason: 'Waiting for the new attendance officer' });
    expect(replyText(o)).toContain('Asked for more time, to Fri 4 Dec: the Director of School Improvement will decide.');
    await delivered();
    expect(inbox.of('tom').join('\n')).toContain('More time for "Attendance: first-day calling');
    expect(inbox.of('amira')).toEqual([]);
    // A second request while one waits is refused.
    expect(replyText(await t.as('rachel').act('isap.extend', { actionId: id, newDue: '2026-12-11', reason: 'again' }))).toContain('already waiting for a decision');

    const approvalId = action('Attendance: first-day').extensions[0]!.approvalId!;
    expect(replyText(await t.as('amira').act('approval.decide', { approvalId, decision: 'approve' }))).toContain('Only the Director of School Improvement may decide');
    inbox.clear();
    const decided = await t.as('tom').act('approval.decide', { approvalId, decision: 'approve' });
    expect(replyText(decided)).toContain('Approved by Tom Okafor');
    expect(action('Attendance: first-day').due).toBe('2026-12-04');
    await delivered();
    expect(inbox.of('rachel').join('\n')).toContain('Tom Okafor agreed more time: now due Fri 4 Dec (was Fri 13 Nov).');

    // The decision cannot be taken twice, and a forged second click changes nothing.
    const again = await t.as('tom').act('approval.decide', { approvalId, decision: 'reject', comment: 'no' });
    expect(replyText(again)).toContain('Already decided by Tom Okafor');
    expect(action('Attendance: first-day').due).toBe('2026-12-04');
    expect(action('Attendance: first-day').extensions[0]!.status).toBe('approved');
  });

  it('sends a long extension to the CEO; a rejection keeps the date and says why', async () => {
    const id = idOf('Governors visit');
    await t.as('rachel').act('isap.extend', { actionId: id, newDue: '2027-03-05', reason: 'Governor elections in January' });
    const approvalId = action('Governors visit').extensions[0]!.approvalId!;
    expect(t.bot.store.read().approvals.find((a) => a.id === approvalId)!.deciderRoles).toEqual(['ceo', 'deputy-ceo']);
    expect(replyText(await t.as('tom').act('approval.decide', { approvalId, decision: 'approve' }))).toContain('Only the CEO or Deputy CEO may decide');
    inbox.clear();
    await t.as('amira').act('approval.decide', { approvalId, decision: 'reject', comment: 'Use the December meeting' });
    expect(action('Governors visit').due).toBe('2026-11-30');
    await delivered();
    expect(inbox.of('rachel').join('\n')).toContain('Amira Shah did not agree more time: still due Mon 30 Nov. Comment: Use the December meeting');
  });

  it('refuses extension dates that make no sense', async () => {
    const id = idOf('SEND register');
    expect(replyText(await t.as('lucy').act('isap.extend', { actionId: id, newDue: '2026-11-20', reason: 'x' }))).toContain('must be after the current due date');
    expect(replyText(await t.as('lucy').act('isap.extend', { actionId: id, newDue: '2028-01-01', reason: 'x' }))).toContain('within this academic year');
    expect(replyText(await t.as('lucy').act('isap.extend', { actionId: id, newDue: '2026-12-01' }))).toContain('That card could not be used: reason');
    expect(action('SEND register').extensions).toEqual([]);
  });

  it('withdraws a waiting extension when the action is completed first; the decision card says so', async () => {
    const id = idOf('SEND register');
    await t.as('lucy').act('isap.extend', { actionId: id, newDue: '2026-12-04', reason: 'SEND lead away' });
    const approvalId = action('SEND register').extensions[0]!.approvalId!;
    const done = await t.as('lucy').act('isap.complete', { actionId: id, evidence: 'Register reviewed with the trust SEND lead on 18 Nov.' });
    expect(action('SEND register').extensions[0]!.status).toBe('withdrawn');
    expect(t.bot.store.read().approvals.find((a) => a.id === approvalId)).toMatchObject({ status: 'withdrawn', decidedById: 'lucy' });
    const update = done.notifications.find((n) => n.update && n.subject === `approval:${approvalId}`)!;
    expect(cardText(update)).toContain('Withdrawn by Lucy Adams at Wed 18 Nov, 10:00');
    // The DoSI, who still has the card, is told it was withdrawn instead of deciding it.
    const late = await t.as('tom').act('approval.decide', { approvalId, decision: 'approve' });
    expect(replyText(late)).toContain('Withdrawn by Lucy Adams');
    expect(action('SEND register').due).not.toBe('2026-12-04');
  });
});
