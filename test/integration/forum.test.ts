// Forums through the dispatcher as the demo people, without Graph: invitations by audience, RSVPs,
// responses with the expected schools, forged answers, and the daily nudges and reminders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCard } from '../../src/cards/render';
import { cardProblems } from '../../src/cards/validate';
import { replyText, startTestBot, type TestBot } from '../helpers/bot';
import { createInbox } from '../helpers/isap-inbox';

let t: TestBot;
const inbox = createInbox();
beforeAll(async () => {
  t = await startTestBot({ boot: { channels: [inbox.channel] } });
});
afterAll(() => t.stop());

const SIF = 'sif-2026-au2';
const SEND = 'send-network-2026-au2';
const forum = (id: string) => t.bot.store.read().forums.find((f) => f.id === id)!;
const about = (personId: string, what: string) => inbox.of(personId).filter((x) => x.includes(what));

describe('forum: list and invitations', () => {
  it('shows a headteacher the forums she is invited to, with her answer and RSVP buttons', async () => {
    const o = await t.as('rachel').say('forum');
    const text = replyText(o);
    expect(text).toContain('School Improvement Forum, Autumn 2');
    expect(text).toContain('Mon 30 Nov, 13:30–15:30 · Riverside Academy, conference room');
    expect(text).toContain('Not answered yet');
    expect(text).not.toContain('SEND network');
    const card = renderCard(o.replies[0]!);
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('"verb":"forum.rsvp"');
    expect(replyText(await t.as('sam').say('forum'))).toContain('You accepted');
    expect(replyText(await t.as('tom').say('forum'))).toContain('SEND network');
  });

  it('invites the SEND network as cards with Accept, Tentative and Decline, once each', async () => {
    inbox.clear();
    const o = await t.as('tom').say('forum invite send sendcos');
    expect(replyText(o)).toContain('3 invited (the SEND network).');
    expect(replyText(o)).not.toContain('calendar'); // Graph is not configured here
    await t.bot.outbox.idle();
    for (const p of ['jo', 'lucy', 'femi']) {
      const got = about(p, 'SEND network');
      expect(got).toHaveLength(1);
      expect(got[0]).toMatch(/Accept[\s\S]*Tentative[\s\S]*Decline/);
    }
    expect(inbox.of('rachel')).toEqual([]);
    expect(forum(SEND).invites.map((i) => i.personId).sort()).toEqual(['femi', 'jo', 'lucy']);
    expect(forum(SEND).graphEventId).toBeUndefined();

    const again = await t.as('tom').say(`forum invite ${SEND} send`);
    expect(replyText(again)).toContain('0 invited (the SEND network). 3 had already been invited.');
    expect(again.notifications).toEqual([]);
  });

  it('invites by category, by school and by role, and explains a word it does not know', async () => {
    const cat = await t.as('tom').say('forum invite send category:amber');
    expect(replyText(cat)).toContain('2 invited (headteachers of AMBER schools)');
    expect(cat.notifications.map((n) => (n.to as { person: string }).person).sort()).toEqual(['david', 'rachel']);
    const school = await t.as('tom').say('forum invite send all-staff:beacon');
    expect(replyText(school)).toContain('4 invited (everyone at Beacon Primary). 3 had already been invited.');
    expect(replyText(await t.as('tom').say('forum invite send dsl,y6'))).toContain('0 invited (the DSL network and the Y6 network). 2 had already been invited.');
    expect(replyText(await t.as('tom').say('forum invite send parents'))).toContain('I don\'t know the audience "parents"');
    expect(replyText(await t.as('tom').say('forum invite nowhere headteachers'))).toContain('A forum called "nowhere" was not found');
    expect(replyText(await t.as('tom').say('forum invite send'))).toContain('Say which forum and who to invite');
    const before = forum(SEND).invites.length;
    expect(replyText(await t.as('rachel').say('forum invite send headteachers'))).toContain('Your role does not let you use "forum invite"');
    expect(forum(SEND).invites.length).toBe(before);
  });
});

describe('forum: answers and responses', () => {
  it('records an answer, replaces the card, and tells the organiser when an expected school declines', async () => {
    const o = await t.as('jo').act('forum.rsvp', { forumId: SEND, response: 'accepted' });
    expect(replyText(o)).toContain('Thank you: you accepted this forum.');
    expect(o.replies[0]!.replace).toBe(true);
    expect(replyText(await t.as('jo').say('forum'))).toContain('You accepted');

    inbox.clear();
    const d = await t.as('rachel').act('forum.rsvp', { forumId: SIF, response: 'declined' });
    expect(replyText(d)).toContain('you declined this forum');
    await t.bot.outbox.idle();
    expect(inbox.of('tom').join('\n')).toContain('Rachel Green declined School Improvement Forum, Autumn 2');
    await t.as('priya').act('forum.rsvp', { forumId: SIF, response: 'tentative' });
  });

  it('refuses forged answers and records nothing', async () => {
    const before = JSON.stringify(t.bot.store.read().forums);
    expect(replyText(await t.as('hannah').act('forum.rsvp', { forumId: SEND, response: 'accepted' }))).toContain('You are not invited to SEND network');
    expect(replyText(await t.as('jo').act('forum.rsvp', { forumId: SEND, response: 'yes' }))).toContain('That card could not be used: response');
    expect(replyText(await t.as('jo').act('forum.rsvp', { response: 'accepted' }))).toContain('That card could not be used: forumId');
    expect(replyText(await t.as('jo').act('forum.rsvp', { forumId: ['x'], response: 'accepted' }))).toContain('That card could not be used: forumId');
    expect(replyText(await t.as('jo').act('forum.rsvp', { forumId: 'gone', response: 'accepted' }))).toContain('That forum was not found');
    expect(JSON.stringify(t.bot.store.read().forums)).toBe(before);
  });

  it('shows who is coming, who is not, and which expected schools are missing', async () => {
    const text = replyText(await t.as('tom').say('forum responses sif-2026-au2'));
    expect(text).toContain('Accepted (2)\nSam Patel, Grace Liu');
    expect(text).toContain('Tentative (1)\nPriya Nair');
    expect(text).toContain('Declined (1)\nRachel Green');
    expect(text).toContain('Not answered (3)\nDavid Brown, Owen Hughes, Fatima Begum');
    expect(text).toContain('Expected (AMBER, RED) but not coming (3)');
    expect(text).toContain('Rachel Green (Beacon Primary): declined');
    expect(text).toContain('David Brown (Oakfield Academy): no answer');
    expect(text).toContain('Fatima Begum (Northgate Junior School): no answer');
    expect(replyText(await t.as('jo').say('forum responses sif'))).toContain('Your role does not let you use "forum responses"');
  });
});

describe('forum: the daily job', () => {
  async function daily(at: string) {
    t.clock.set(at);
    inbox.clear();
    await t.bot.scheduler.run('daily');
    await t.bot.outbox.idle();
  }
  const SIF_TITLE = 'School Improvement Forum, Autumn 2';

  it('nudges non-responders once, three school days before', async () => {
    await daily('2026-11-24T07:30:00Z'); // 4 school days before Mon 30 Nov: too early
    expect(about('david', SIF_TITLE)).toEqual([]);
    await daily('2026-11-25T07:30:00Z');
    for (const p of ['david', 'owen', 'fatima']) expect(about(p, 'You have not answered this invitation yet')).toHaveLength(1);
    for (const p of ['sam', 'grace', 'priya', 'rachel']) expect(about(p, SIF_TITLE)).toEqual([]);
    await daily('2026-11-26T07:30:00Z');
    expect(about('david', SIF_TITLE)).toEqual([]);
  });

  it('reminds everyone not declined on the school day before, once', async () => {
    await daily('2026-11-27T07:30:00Z'); // Friday before Monday's forum
    for (const p of ['sam', 'grace', 'priya']) expect(about(p, 'Reminder: this forum is on the next school day.')).toHaveLength(1);
    expect(about('david', 'you have not answered yet')).toHaveLength(1);
    expect(about('rachel', SIF_TITLE)).toEqual([]);
    await daily('2026-11-28T07:30:00Z'); // Saturday: nothing
    await daily('2026-11-30T07:30:00Z'); // the day itself: nothing more
    for (const p of ['sam', 'david']) expect(about(p, SIF_TITLE)).toEqual([]);
  });

  it('refuses an answer once the forum has started', async () => {
    t.clock.set('2026-11-30T14:00:00Z');
    expect(replyText(await t.as('david').act('forum.rsvp', { forumId: SIF, response: 'accepted' }))).toContain('has already started');
    expect(forum(SIF).invites.find((i) => i.personId === 'david')!.rsvp).toBeUndefined();
  });
});
