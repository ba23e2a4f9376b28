// Bank holidays are not school days for ISAP reminders and escalations. Around the early May bank
// holiday (Monday 3 May 2027, in the Summer 1 half term of the demo trust's calendar): an action due
// Wednesday 5 May is 3 school days away on Thursday 29 April, so its owner is reminded then; on the
// bank holiday the daily run tells nobody anything; on Tuesday 4 May an action due Friday 30 April is
// one school day overdue, so its owner is told and the headteacher is not. Guards the bank holiday
// rule of isSchoolDay (src/domain/calendar.ts), until now checked by unit tests alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../helpers/bot';
import { createInbox } from '../helpers/isap-inbox';

const DUE_WEDNESDAY = 'Phonics catch-up groups timetabled';
const DUE_FRIDAY = 'Attendance letters sent to families';
let t: TestBot;
const inbox = createInbox();

beforeAll(async () => {
  t = await startTestBot({ now: '2027-04-28T06:30:00Z', boot: { channels: [inbox.channel] } });
  expect(t.bot.store.read().trust!.calendar.bankHolidays['england-and-wales']!.events.map((e) => e.date)).toContain('2027-05-03');
  const action = (id: string, title: string, due: string) => ({
    id,
    schoolId: 'hillcrest',
    title,
    ownerId: 'priya',
    due,
    status: 'open' as const,
    rag: 'amber' as const,
    extensions: [],
    escalationLevel: 0,
    createdAt: '2027-04-12T09:00:00Z',
  });
  await t.bot.store.transact((d) => {
    d.isapActions.push(action('bh-wed', DUE_WEDNESDAY, '2027-05-05'), action('bh-fri', DUE_FRIDAY, '2027-04-30'));
  });
});
afterAll(() => t.stop());

/** The daily run at 07:30 London time (06:30 UTC in summer time) on a date. */
async function dailyOn(date: string): Promise<void> {
  t.clock.set(`${date}T06:30:00Z`);
  inbox.clear();
  await t.bot.scheduler.run('daily');
  await t.bot.outbox.idle();
}
/** What each person was sent about the two actions. */
const about = (person: string, title: string) => inbox.of(person).filter((x) => x.includes(title));

describe('ISAP reminders around a bank holiday', () => {
  it('Wednesday 28 April: the action due 5 May is 4 school days away, so no reminder yet', async () => {
    await dailyOn('2027-04-28');
    expect(about('priya', DUE_WEDNESDAY)).toEqual([]);
  });

  it('Thursday 29 April: 3 school days before (the bank holiday skipped), its owner is reminded', async () => {
    await dailyOn('2027-04-29');
    const cards = about('priya', DUE_WEDNESDAY);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toContain('Reminder: this action is due soon.');
  });

  it('Monday 3 May, the bank holiday: nobody is told anything', async () => {
    await dailyOn('2027-05-03');
    expect(['priya', 'tom', 'amira'].flatMap((p) => inbox.of(p))).toEqual([]);
  });

  it('Tuesday 4 May: the action due Friday is one school day overdue, so its owner is told and the headteacher rung waits', async () => {
    await dailyOn('2027-05-04');
    const cards = about('priya', DUE_FRIDAY);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toContain('Overdue: please update it, complete it or ask for more time.');
    expect(t.bot.store.read().isapActions.find((a) => a.id === 'bh-fri')!.escalationLevel).toBe(1);
  });
});
