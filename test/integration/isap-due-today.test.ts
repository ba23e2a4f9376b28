// An ISAP action due today is not overdue yet: its owner is reminded, nobody is escalated to, and the
// home screen, the owner's list and `isap overdue` all say "due", not "overdue". The next school day it
// is overdue everywhere at once. Guards the "due before today" comparison in src/domain/isap.ts (a
// `<=` there put every escalation, digest and home screen a day early).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyText, startTestBot, type TestBot } from '../helpers/bot';
import { createInbox } from '../helpers/isap-inbox';

const TITLE = 'Reading audit shared with governors';
let t: TestBot;
const inbox = createInbox();
beforeAll(async () => {
  // Wednesday 25 November 2026, a school day; the action is Priya's (Hillcrest's headteacher), due today.
  t = await startTestBot({ now: '2026-11-25T07:30:00Z', boot: { channels: [inbox.channel] } });
  await t.bot.store.transact((d) => {
    d.isapActions.push({
      id: 'due-today',
      schoolId: 'hillcrest',
      title: TITLE,
      ownerId: 'priya',
      due: '2026-11-25',
      status: 'open',
      rag: 'amber',
      extensions: [],
      escalationLevel: 0,
      createdAt: '2026-11-01T09:00:00Z',
    });
  });
});
afterAll(() => t.stop());

async function daily(at: string): Promise<void> {
  t.clock.set(at);
  inbox.clear();
  await t.bot.scheduler.run('daily');
  await t.bot.outbox.idle();
}
/** Every card anyone was sent about the action. */
const told = () => ['priya', 'tom', 'amira', 'mark'].flatMap((p) => inbox.of(p).filter((x) => x.includes(TITLE)).map((x) => `${p}: ${x}`));
/** The line of a card that names the action, and the one after it (its due date and RAG). */
const about = (text: string) => {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(TITLE));
  return i < 0 ? '' : lines.slice(i, i + 2).join('\n');
};

describe('an ISAP action due today', () => {
  it('reminds its owner and escalates to nobody', async () => {
    await daily('2026-11-25T07:30:00Z');
    const cards = told();
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatch(/^priya: /);
    expect(cards[0]).toContain('Reminder: this action is due soon.');
    expect(cards.join('\n')).not.toMatch(/Overdue|Escalated/);
  });

  it('is "due", not overdue, on the home screen, the owner\'s list and the overdue list', async () => {
    const home = replyText(await t.as('priya').say('home'));
    expect(about(home)).toContain('due Wed 25 Nov');
    expect(home).not.toContain('overdue since Wed 25 Nov');
    expect(replyText(await t.as('priya').say('isap'))).not.toMatch(/\d+ of your actions overdue/);
    expect(replyText(await t.as('tom').say('isap overdue hillcrest'))).not.toContain(TITLE);
  });

  it('is overdue the next school day, everywhere at once, and its owner is told', async () => {
    await daily('2026-11-26T07:30:00Z');
    const cards = told();
    expect(cards.some((c) => c.startsWith('priya: ') && c.includes('Overdue: please update it'))).toBe(true);
    expect(about(replyText(await t.as('priya').say('home')))).toContain('overdue since Wed 25 Nov');
    expect(replyText(await t.as('priya').say('isap'))).toMatch(/1 of your actions overdue/);
    expect(replyText(await t.as('tom').say('isap overdue hillcrest'))).toContain(TITLE);
  });
});
