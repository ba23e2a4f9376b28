// The daily job with the clock moved: reminders before due, the escalation ladder one rung at a time,
// nothing twice, nothing on weekends or INSET days, nothing for a snoozed action until its date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../helpers/bot';
import { createInbox } from '../helpers/isap-inbox';

let t: TestBot;
const inbox = createInbox();
beforeAll(async () => {
  t = await startTestBot({ now: '2026-11-18T07:30:00Z', boot: { channels: [inbox.channel] } });
});
afterAll(() => t.stop());

const action = (title: string) => t.bot.store.read().isapActions.find((a) => a.title.startsWith(title))!;
async function daily(at: string) {
  t.clock.set(at);
  inbox.clear();
  await t.bot.scheduler.run('daily');
  await t.bot.outbox.idle();
}

describe('isap: the daily job', () => {
  it('on a school day reminds owners before due and climbs the ladder for overdue actions', async () => {
    await daily('2026-11-18T07:30:00Z');
    // Jo's phonics action is 9 school days overdue: Jo (rung 1) and Rachel (rung 2) are told.
    expect(inbox.of('jo').join('\n')).toContain('Overdue: please update it, complete it or ask for more time.');
    expect(inbox.of('rachel').join('\n')).toContain("Escalated to the headteacher: Jo Williams's action at Beacon Primary is overdue.");
    // Lucy's SEND register action is due in 3 school days.
    expect(inbox.of('lucy').join('\n')).toContain('Reminder: this action is due soon.');
    // Oakfield's behaviour action is 11 school days overdue: up to the DoSI, not yet the CEO.
    expect(inbox.of('tom').join('\n')).toContain("Escalated to the Director of School Improvement: David Brown's action at Oakfield Academy is overdue.");
    expect(inbox.of('david').filter((x) => x.includes('Behaviour policy'))).toHaveLength(1); // owner and headteacher: one card
    expect(inbox.of('amira')).toEqual([]);
    expect(action('Behaviour policy').escalationLevel).toBe(3);
    expect(action('Phonics').escalationLevel).toBe(2);
    expect(action('SEND register').remindedFor).toBe('2026-11-23');
    expect((await t.bot.store.audit()).filter((e) => e.action === 'isap.escalate').length).toBeGreaterThan(3);
  });

  it('tells nobody twice when it runs again', async () => {
    await daily('2026-11-18T12:00:00Z');
    for (const p of ['jo', 'rachel', 'lucy', 'tom', 'david', 'amira']) expect(inbox.of(p)).toEqual([]);
  });

  it('does nothing on a weekend or an INSET day', async () => {
    await daily('2026-11-21T07:30:00Z'); // Saturday
    expect(['jo', 'tom', 'david', 'ian', 'sam'].flatMap((p) => inbox.of(p))).toEqual([]);
    await t.bot.store.transact((d) => void d.trust!.calendar.insetDays.push('2026-11-23'));
    await daily('2026-11-23T07:30:00Z'); // Monday, but INSET
    expect(['jo', 'tom', 'david', 'ian', 'sam'].flatMap((p) => inbox.of(p))).toEqual([]);
  });

  it('holds a snoozed action until its date, then reaches the CEO at 20 school days', async () => {
    const ian = action('Attendance improvement plan');
    await t.as('ian').act('isap.snooze', { actionId: ian.id, until: '2026-12-04', snoozeReason: 'LA meeting moved to 3 Dec' });
    await daily('2026-12-01T07:30:00Z');
    // Behaviour policy, due Tue 3 Nov, is 19 school days overdue after the INSET day: not yet the CEO.
    expect(inbox.of('amira')).toEqual([]);
    expect(inbox.of('ian')).toEqual([]);
    expect(action('Attendance improvement plan').escalationLevel).toBe(2);
    await daily('2026-12-02T07:30:00Z');
    expect(inbox.of('amira').join('\n')).toContain("Escalated to the CEO: David Brown's action at Oakfield Academy is overdue.");
    expect(action('Behaviour policy').escalationLevel).toBe(4);
    await daily('2026-12-07T07:30:00Z'); // snooze over: the DoSI rung for Ian's action, which is 19 school days overdue
    expect(inbox.of('tom').join('\n')).toContain("Escalated to the Director of School Improvement: Ian Clarke's action at Oakfield Academy is overdue.");
    expect(inbox.of('ian')).toEqual([]); // rung 1 was told before the snooze
  });
});
