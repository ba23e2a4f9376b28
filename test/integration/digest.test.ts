import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { View } from '../../src/app/command';
import { renderCard } from '../../src/cards/render';
import { cardProblems } from '../../src/cards/validate';
import { cardText, replyText, startTestBot, type TestBot } from '../helpers/bot';

let t: TestBot;
/** What reached each local conversation, through the real outbox. */
const posts: { key: string; view: View }[] = [];

beforeAll(async () => {
  t = await startTestBot();
  t.bot.outbox.addSender({
    platform: 'local',
    minGapMs: 0,
    async post(conv, view) {
      posts.push({ key: conv.key, view });
      return { messageId: `m${posts.length}` };
    },
    async update() {},
  });
});
afterAll(() => t.stop());

const digestsTo = (key: string) => posts.filter((p) => p.key === key && p.view.card === 'digest');

describe('weekly SLT digest', () => {
  it('shows the CEO overdue actions by school, the old decision flagged, forums with RSVPs and survey rates', async () => {
    const o = await t.as('amira').say('digest');
    const text = replyText(o);
    expect(text).toContain('Weekly SLT digest');
    expect(text).toContain('6 in 4 schools of 7');
    expect(text).toMatch(/Oakfield Academy \(AMBER\): 2 overdue actions\nBehaviour policy relaunched with all staff \(due Tue 3 Nov\)/);
    expect(text).toContain('Move Oakfield Academy from AMBER to RED\nWaiting 10 school days: over the trust\'s 5-day limit');
    expect(text).toContain('School Improvement Forum, Autumn 2: Mon 30 Nov, 13:30\n2 coming, 0 maybe, 0 not coming, 5 not replied (3 expected to attend)');
    // 8 responses of 224 invited; Beacon's 6 of 24 is shown, the small groups are not.
    expect(text).toContain('Staff wellbeing pulse, Autumn 2: 4% responded');
    // Beacon's 6 of the 8 would give away Riverside's 2, so no school is shown: only the trust's rate.
    expect(text).toContain('7 schools not shown (under 5 responses, or held back so a smaller group cannot be worked out)');
    expect(text).not.toContain('Beacon Primary 25%');
    expect(text).not.toMatch(/Riverside Academy \d+%/);
    const card = renderCard(o.replies[0]!);
    expect(cardProblems(card)).toEqual([]);
    const chart = (card.body as { type: string; data?: { x: string; y: number }[]; fallback?: unknown }[]).find((b) => b.type === 'Chart.VerticalBar')!;
    expect(chart.data).toContainEqual({ x: 'Oakfield Academy', y: 2, color: 'attention' });
    expect(JSON.stringify(chart.fallback)).toContain('Oakfield Academy');
  });

  it('lets the Chair read the board digest, and refuses a teacher', async () => {
    const board = replyText(await t.as('helen').say('digest board'));
    expect(board).toContain('Board digest: Autumn term');
    expect(board).toContain('2 GREEN, 2 YELLOW, 2 AMBER, 1 RED');
    expect(board).toContain('Northgate Junior School: AMBER → RED');
    expect(board).toContain('2 people on the register');
    expect(replyText(await t.as('jo').say('digest'))).toContain('Your role does not let you use "digest preview"');
    expect(replyText(await t.as('tom').say('digest monthly'))).toContain('There is no "monthly" digest: choose weekly, risk or board');
  });

  it('a channel subscribes, receives the weekly digest when the job runs, and stops after subscribe off', async () => {
    const channel = 'local:channel:headteachers';
    const sub = await t.as('tom').say('subscribe weekly', channel);
    expect(replyText(sub)).toContain('Subscribed to the weekly SLT digest');
    expect(replyText(sub)).toContain('This channel will receive it every Monday at 07:00 in term time (the Tuesday after a bank holiday)');
    expect(replyText(await t.as('tom').say('subscribe weekly', channel))).toContain('This channel already receives the weekly SLT digest');
    expect(t.bot.store.read().subscriptions.filter((s) => s.conversationKey === channel)).toEqual([
      expect.objectContaining({ digest: 'weekly-slt', byId: 'tom' }),
    ]);

    t.clock.set('2026-11-23T07:00:00Z'); // Monday
    await t.bot.scheduler.run('weekly-digest');
    await t.bot.outbox.idle();
    expect(digestsTo(channel)).toHaveLength(1);
    expect(digestsTo('local:channel:slt')).toHaveLength(1); // the demo's SLT channel was already subscribed
    expect(cardText(digestsTo(channel)[0]!.view)).toContain('Weekly SLT digest');
    expect((await t.bot.store.deliveries()).filter((d) => d.state === 'sent').length).toBeGreaterThanOrEqual(2);

    expect(replyText(await t.as('tom').say('subscribe off', channel))).toContain('This channel will no longer receive the weekly SLT digest');
    t.clock.set('2026-11-30T07:00:00Z');
    await t.bot.scheduler.run('weekly-digest');
    await t.bot.outbox.idle();
    expect(digestsTo(channel)).toHaveLength(1);
    expect(digestsTo('local:channel:slt')).toHaveLength(2);
    // In the Christmas holidays there is no SLT week to report on.
    t.clock.set('2026-12-28T07:00:00Z');
    await t.bot.scheduler.run('weekly-digest');
    await t.bot.outbox.idle();
    expect(digestsTo('local:channel:slt')).toHaveLength(2);
  });

  it('goes out once a week, on the Tuesday when Monday is a bank holiday', async () => {
    const sent = async () => (await t.bot.store.audit()).filter((e) => e.action === 'digest.sent' && e.subject?.startsWith('weekly-slt:')).map((e) => e.subject);
    const before = (await sent()).length;
    for (const day of ['2027-05-03', '2027-05-04', '2027-05-05']) {
      t.clock.set(`${day}T06:00:00Z`); // 07:00 BST: the early May bank holiday, then Tuesday, Wednesday
      await t.bot.scheduler.run('weekly-digest');
    }
    expect((await sent()).slice(before)).toEqual(['weekly-slt:2027-05-03']);
    const tuesday = (await t.bot.store.audit()).filter((e) => e.action === 'digest.sent').at(-1)!;
    expect(tuesday.at).toBe('2027-05-04T06:00:00.000Z');
  });

  it('refuses subscribing for a headteacher and an unknown digest, changing nothing', async () => {
    const before = t.bot.store.read().subscriptions.length;
    expect(replyText(await t.as('rachel').say('subscribe weekly', 'local:channel:headteachers'))).toContain('does not let you use "digest subscribe"');
    expect(replyText(await t.as('tom').say('subscribe daily', 'local:channel:headteachers'))).toContain('There is no "daily" digest');
    expect(replyText(await t.as('tom').say('unsubscribe risk', 'local:channel:headteachers'))).toContain('Nothing to stop');
    expect(t.bot.store.read().subscriptions.length).toBe(before);
  });
});

describe('risk pack and board digest on the calendar', () => {
  it('sends the risk pack once in the last week of the half term, not before', async () => {
    await t.as('tom').say('subscribe risk', 'local:channel:slt');
    t.clock.set('2026-12-11T07:00:00Z'); // Friday before the last week of Autumn 2
    expect((await t.bot.dispatcher.runJob('risk-pack')).notifications).toHaveLength(0);
    t.clock.set('2026-12-14T07:00:00Z'); // Monday of the last week
    const o = await t.bot.dispatcher.runJob('risk-pack');
    expect(o.notifications).toHaveLength(1);
    expect(o.notifications[0]!.to).toEqual({ digest: 'risk-pack' });
    const text = cardText(o.notifications[0]!);
    expect(text).toContain('Risk meeting pack: Autumn 2');
    expect(text).toMatch(/RED \(1\)\nNorthgate Junior School: RED\nDeclining \(was AMBER\)\. 1 overdue action/);
    expect(cardProblems(renderCard(o.notifications[0]!))).toEqual([]);
    t.clock.set('2026-12-15T07:00:00Z');
    expect((await t.bot.dispatcher.runJob('risk-pack')).notifications).toHaveLength(0);
  });

  it('sends the board digest on the last working day of the term, with the decisions taken', async () => {
    await t.as('amira').act('approval.decide', { approvalId: 'oakfield-red', decision: 'approve' });
    await t.as('tom').say('subscribe board', 'local:channel:slt');
    t.clock.set('2026-12-17T16:00:00Z');
    expect((await t.bot.dispatcher.runJob('board-digest')).notifications).toHaveLength(0);
    t.clock.set('2026-12-18T16:00:00Z');
    const o = await t.bot.dispatcher.runJob('board-digest');
    expect(o.notifications).toHaveLength(1);
    const text = cardText(o.notifications[0]!);
    expect(text).toContain('Approved: Move Oakfield Academy from AMBER to RED');
    expect(text).toContain('Category move, decided by Amira Shah');
    t.clock.set('2026-12-21T16:00:00Z');
    expect((await t.bot.dispatcher.runJob('board-digest')).notifications).toHaveLength(0);
  });

  it('digest send posts now to the subscribers and says how many', async () => {
    const o = await t.as('tom').say('digest send board');
    expect(replyText(o)).toContain('Sent the termly board digest');
    expect(replyText(o)).toContain('To 1 subscribed conversation');
    expect(o.notifications[0]!.to).toEqual({ digest: 'board-termly' });
  });
});

describe('a 150-school trust and an empty week', () => {
  let big: TestBot;
  beforeAll(async () => {
    big = await startTestBot();
    await big.bot.store.transact((d) => {
      const long = "St Aidan's Church of England Voluntary Aided Primary School and Nursery, incorporating the Speech and Language Resource Base";
      const cats = ['green', 'yellow', 'amber', 'red'];
      for (let i = 0; i < 143; i++) {
        const id = `s${i}`;
        d.schools.push({ id, urn: String(200000 + i), name: i === 0 ? long : `Academy Number ${i}`, phase: 'primary', categoryId: cats[i % 4], urgentAction: false, ofsted: [] });
        for (let k = 0; k < (i === 0 ? 9 : i % 5); k++) {
          d.isapActions.push({ id: `${id}-a${k}`, schoolId: id, title: `Action ${k} at ${id}`, ownerId: 'tom', due: '2026-11-01', status: 'open', rag: 'red', extensions: [], escalationLevel: 0, createdAt: '2026-09-01T09:00:00.000Z' });
        }
      }
    });
  });
  afterAll(() => big.stop());

  it('summarises, cuts each list to the top few and says how many more', async () => {
    for (const kind of ['weekly', 'risk', 'board']) {
      const o = await big.as('amira').say(`digest ${kind}`);
      const card = renderCard(o.replies[0]!);
      expect(cardProblems(card)).toEqual([]);
      // Teams refuses cards over about 28 KB.
      expect(JSON.stringify(card).length).toBeLessThan(28_000);
    }
    const risk = replyText(await big.as('amira').say('digest risk'));
    expect(risk).toContain('150 schools');
    expect(risk).toMatch(/RED \(36\)[\s\S]*and 26 more RED schools/);
    const weekly = replyText(await big.as('amira').say('digest weekly'));
    expect(weekly).toContain('Overdue actions: the 10 schools with most');
    expect(weekly).toMatch(/and \d+ more schools with overdue actions/);
    expect(weekly).toContain("St Aidan's Church of England Voluntary Aided");
  });

  it('an empty week says so instead of drawing empty charts', async () => {
    await big.bot.store.transact((d) => {
      d.isapActions = [];
      d.approvals = [];
      d.forums = [];
      d.surveys = [];
    });
    const o = await big.as('tom').say('digest');
    const text = replyText(o);
    expect(text).toContain('No overdue actions this week.');
    expect(text).toContain('No decisions waiting.');
    expect(text).toContain('No forums in the next fortnight.');
    expect(text).toContain('No surveys open.');
    expect(JSON.stringify(renderCard(o.replies[0]!))).not.toContain('Chart.');
  });
});
