import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCard } from '../../src/cards/render';
import { cardProblems } from '../../src/cards/validate';
import { cardText, replyText, startTestBot, type TestBot } from '../helpers/bot';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(() => t.stop());

const BEACON_STAFF = ['jo', 'lucy', 'ben', 'chloe', 'dan', 'ella'];
const survey = (id: string) => t.bot.store.read().surveys.find((s) => s.id === id)!;
/** Files under dir whose bytes contain text. */
async function filesContaining(dir: string, text: string): Promise<string[]> {
  const hits: string[] = [];
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = path.join(e.parentPath, e.name);
    if ((await readFile(file)).includes(text)) hits.push(file);
  }
  return hits;
}
const responses = (id: string) => t.bot.store.surveyResponses(id);
const responders = (id: string) => t.bot.store.read().surveyResponders[id] ?? [];

async function newSurvey(words: string): Promise<string> {
  const o = await t.as('tom').say(`survey new ${words}`);
  const id = t.bot.store.read().surveys.at(-1)!.id;
  expect(replyText(o)).toContain(`Draft ${id} created`);
  return id;
}

const answersFor = (i: number) => ({ q1: String(1 + (i % 5)), q2: '4', q3: '3', q4: '4', q5: '5', q6: i % 2 ? 'More planning time together' : '' });

describe('the demo survey', () => {
  it('is open, with 8 anonymous responses seeded, and jo can answer it from the list', async () => {
    const demo = t.bot.store.read().surveys.find((s) => s.id.startsWith('wellbeing-'))!;
    expect(demo.status).toBe('open');
    expect(await responses(demo.id)).toHaveLength(8);
    const o = await t.as('jo').say('survey');
    expect(replyText(o)).toContain(`To answer: ${demo.title}`);
    const form = o.replies.find((r) => r.card === 'survey-form')!;
    expect(cardText(form)).toContain('I feel my workload is manageable');
    expect(cardProblems(renderCard(form))).toEqual([]);
  });

  it('trust view while open: the response rate of the trust and of each school, no scores or comments', async () => {
    const demo = t.bot.store.read().surveys.find((s) => s.id.startsWith('wellbeing-'))!;
    const o = await t.as('tom').say(`survey results ${demo.id}`);
    const text = replyText(o);
    expect(text).toContain('8 of 224 (4%) responded so far');
    expect(text).toContain('Scores and comments are shown once the survey closes');
    expect(text).not.toMatch(/Mean \d/);
    const schools = o.replies[0]!.data.schools as { title: string; value: string }[];
    const row = (name: string) => schools.find((s) => s.title === name)!.value;
    expect(row('Riverside Academy')).toMatch(/^2 of \d+ \(\d+%\)$/);
    expect(row('Beacon Primary')).toMatch(/^6 of \d+ \(\d+%\)$/);
    expect(schools.some((s) => /Mean|Q1 \d/.test(s.value))).toBe(false);
    expect(text).not.toContain('Fewer data drops');
  });
});

describe('a staff survey from the wellbeing template', () => {
  let id: string;

  it('tom creates a draft and opens it to Beacon and Riverside, counting who is invited', async () => {
    id = await newSurvey('wellbeing');
    expect(survey(id).status).toBe('draft');
    // Nobody can answer a draft.
    expect(replyText(await t.as('jo').act('survey.answer', { surveyId: id, ...answersFor(0) }))).toContain('not open yet');
    expect(replyText(await t.as('tom').say(`survey open ${id} beacon atlantis`))).toContain('There is no school "atlantis"');
    expect(survey(id).status).toBe('draft');
    const o = await t.as('tom').say(`survey open ${id} Beacon Primary, riverside`);
    expect(replyText(o)).toContain('Sent to 10 people at 2 schools');
    expect(survey(id).invited).toEqual({ beacon: 7, riverside: 3 });
    const invited = o.notifications.map((n) => ('person' in n.to ? n.to.person : '')).sort();
    expect(invited).toEqual(['ben', 'chloe', 'dan', 'ella', 'femi', 'hannah', 'jo', 'lucy', 'rachel', 'sam']);
    expect(o.notifications.every((n) => n.card === 'survey-form' && n.subject === `survey:${id}`)).toBe(true);
    expect(replyText(await t.as('tom').say(`survey open ${id}`))).toContain('already open');
  });

  it('jo answers once; the second answer is refused and changes nothing', async () => {
    const first = await t.as('jo').act('survey.answer', { surveyId: id, ...answersFor(1) });
    expect(replyText(first)).toContain('your answer is in');
    expect(first.replies[0]!.replace).toBe(true);
    expect(await responses(id)).toHaveLength(1);
    const before = JSON.stringify(t.bot.store.read());
    const second = await t.as('jo').act('survey.answer', { surveyId: id, ...answersFor(2) });
    expect(replyText(second)).toContain('You have already answered this survey');
    expect(replyText(await t.as('jo').act('survey.answer', { surveyId: id, q1: '9' }))).toContain('You have already answered this survey');
    expect(await responses(id)).toHaveLength(1);
    expect(JSON.stringify(t.bot.store.read())).toBe(before);
  });

  it('a double submit at the same moment gives one response', async () => {
    const [a, b] = await Promise.all([
      t.as('lucy').act('survey.answer', { surveyId: id, ...answersFor(3) }),
      t.as('lucy').act('survey.answer', { surveyId: id, ...answersFor(4) }),
    ]);
    expect([replyText(a), replyText(b)].filter((x) => x.includes('already answered'))).toHaveLength(1);
    expect(await responses(id)).toHaveLength(2);
    expect(responders(id)).toHaveLength(2);
  });

  it('forged answers get a clear answer and change nothing', async () => {
    const before = JSON.stringify(t.bot.store.read()) + (await responses(id)).length;
    const cases: [Record<string, unknown>, string][] = [
      [{ surveyId: id, q1: '9' }, 'choose 1 to 5'],
      [{ surveyId: id, q1: '3', q99: '4' }, 'this survey has no question q99'],
      [{ surveyId: id }, 'answer at least one question'],
      [{ surveyId: 'no-such-survey', q1: '3' }, 'was not found'],
      [{ q1: '3' }, 'That card could not be used: surveyId'],
    ];
    for (const [data, message] of cases) expect(replyText(await t.as('ben').act('survey.answer', data))).toContain(message);
    // Helen (Chair) and Ian (Oakfield) were not asked.
    expect(replyText(await t.as('helen').act('survey.answer', { surveyId: id, q1: '3' }))).toContain('is not for you');
    expect(replyText(await t.as('ian').act('survey.answer', { surveyId: id, q1: '3' }))).toContain('is not for you');
    expect(JSON.stringify(t.bot.store.read()) + (await responses(id)).length).toBe(before);
  });

  it('a safeguarding disclosure in an answer is redirected and never stored', async () => {
    const before = JSON.stringify(t.bot.store.read()) + (await responses(id)).length;
    const o = await t.as('ben').act('survey.answer', { surveyId: id, q1: '2', q6: 'a Y5 girl told me her stepdad hits her' });
    expect(replyText(o)).toContain('Designated Safeguarding Lead');
    expect(JSON.stringify(t.bot.store.read()) + (await responses(id)).length).toBe(before);
    // Nowhere on disk: every file of the database (tables, WAL) and beside it.
    expect(await filesContaining(t.dataDir, 'stepdad')).toEqual([]);
  });

  it('while open, shows only who has responded: scores and comments wait for the close', async () => {
    const open = replyText(await t.as('rachel').say(`survey results ${id}`));
    expect(open).toContain('2 of 7 (29%) responded so far');
    expect(open).toContain('Scores and comments are shown once the survey closes');
    for (const [i, who] of ['ben', 'chloe', 'dan'].entries()) await t.as(who).act('survey.answer', { surveyId: id, ...answersFor(i + 5) });
    await t.as('sam').act('survey.answer', { surveyId: id, ...answersFor(9) });
    // Five at Beacon and six in all are groups big enough, but two looks a response apart would
    // differ by one person's answers: nothing but counts until the survey closes.
    const shown = replyText(await t.as('rachel').say(`survey results ${id}`));
    expect(shown).toContain('5 of 7 (71%) responded so far');
    expect(shown).not.toMatch(/Mean \d|Q1 \d/);
    const trust = await t.as('tom').say(`survey results ${id}`);
    expect(replyText(trust)).toContain('6 of 10 (60%) responded so far');
    expect(replyText(trust)).not.toMatch(/Mean \d|Q1 \d/);
    const rows = trust.replies[0]!.data.schools as { title: string; value: string }[];
    expect(rows.find((r) => r.title === 'Beacon Primary')!.value).toBe('5 of 7 (71%)');
    // Headteachers see their own school only; staff see no results.
    expect(replyText(await t.as('rachel').say(`survey results ${id} riverside`))).toContain('Headteachers see the results of their own school only');
    expect(replyText(await t.as('jo').say(`survey results ${id}`))).toContain('Your role does not let you use "survey results"');
  });

  it('the stored data holds no person, name, email or time beside the answers', async () => {
    const lines = (await Promise.all(t.bot.store.read().surveys.map((s) => t.bot.store.surveyResponses(s.id)))).flat() as unknown as Record<string, unknown>[];
    const jsonl = lines.map((l) => JSON.stringify(l)).join('\n');
    expect(lines.filter((l) => l.surveyId === id)).toHaveLength(6);
    for (const l of lines) expect(Object.keys(l).sort()).toEqual(['answers', 'schoolId', 'surveyId']);
    const people = t.bot.store.read().people;
    for (const p of people) {
      expect(jsonl).not.toContain(`"${p.id}"`);
      expect(jsonl).not.toContain(p.name);
      expect(jsonl).not.toContain(p.email);
    }
    expect(jsonl).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
    const db = t.bot.store.read();
    const hashes = db.surveyResponders[id]!;
    expect(hashes).toHaveLength(6);
    expect(hashes.every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
    expect(hashes).toEqual([...hashes].sort());
    // The audit log says a survey was opened, never who answered: the only survey.answer entries are
    // refusals of people it was not sent to (forgery attempts), and none says "already answered".
    const audit = await t.bot.store.audit();
    const answering = audit.filter((e) => e.action === 'survey.answer');
    expect(answering.every((e) => e.outcome === 'refused')).toBe(true);
    expect(answering.map((e) => e.actorId)).not.toContain('jo');
    expect(JSON.stringify(audit)).not.toMatch(/already answered/i);
  });

  it('closes: later answers are refused and every posted card is updated', async () => {
    expect(replyText(await t.as('rachel').say(`survey close ${id}`))).toContain('Only the executive team or the person who created');
    const o = await t.as('tom').say(`survey close ${id}`);
    expect(replyText(o)).toContain('No more answers are taken');
    expect(o.notifications).toMatchObject([{ subject: `survey:${id}`, update: true, card: 'survey-form' }]);
    expect(cardText(o.notifications[0]!)).toContain('This survey has closed');
    const before = (await responses(id)).length;
    expect(replyText(await t.as('ella').act('survey.answer', { surveyId: id, ...answersFor(0) }))).toContain('closed: answers are not being taken');
    expect(await responses(id)).toHaveLength(before);
    expect(replyText(await t.as('tom').say(`survey close ${id}`))).toContain('already closed');
  });
  it('once closed, shows the trust total and never a school that would give Riverside away', async () => {
    // One Riverside answer: the trust total minus Beacon would be that one person, so Beacon hides.
    const hidden = replyText(await t.as('rachel').say(`survey results ${id}`));
    expect(hidden).toContain('cannot be worked out');
    expect(hidden).not.toMatch(/Mean \d/);
    const trust = replyText(await t.as('tom').say(`survey results ${id}`));
    expect(trust).toContain('6 of 10 (60%) responded');
    expect(trust).not.toContain('so far');
    expect(trust).toMatch(/Mean \d\.\d of 5/);
  });

  it('exports exactly what may be shown as CSV', async () => {
    const o = await t.as('tom').say(`survey export ${id}`);
    const csv = o.replies[0]!.data.csv as string;
    expect(csv.split('\r\n')[0]).toBe('group,responses,invited,question_id,question,measure,value');
    expect(csv).toContain('All schools,6,10,q1,I feel my workload is manageable,mean,');
    expect(csv).toContain('Beacon Primary,5,7,,,hidden,');
    expect(csv).toContain('Riverside Academy,1,3,,,hidden,Hidden: fewer than 5 responses.');
    expect(csv).not.toContain('More planning time together');
    expect(replyText(o)).toContain('group,responses,invited');
    expect(replyText(await t.as('rachel').say(`survey export ${id}`))).toContain('Beacon Primary,5,7,,,hidden,');
  });

});

describe('pulse, pupil voice and your own questions', () => {
  it('a pulse is answered with one tap', async () => {
    const id = await newSurvey('pulse');
    const o = await t.as('tom').say(`survey open ${id} beacon`);
    const card = renderCard(o.notifications[0]!);
    const buttons = (card.actions ?? []) as { title: string; verb: string; data: Record<string, unknown> }[];
    expect(buttons.map((b) => b.title)).toEqual(['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree']);
    expect(buttons[3]).toMatchObject({ verb: 'survey.answer', data: { surveyId: id, q1: '4' } });
    expect(replyText(await t.as('jo').act(buttons[3]!.verb, buttons[3]!.data))).toContain('your answer is in');
    expect(await responses(id)).toEqual([{ surveyId: id, schoolId: 'beacon', answers: { q1: 4 } }]);
  });

  it('pupil voice refuses an option it does not offer, and goes up in a channel when opened there', async () => {
    const id = await newSurvey('pupil-voice');
    const o = await t.as('tom').say(`survey open ${id} beacon`, 'local:channel:beacon-staff');
    expect(o.replies.map((r) => r.card)).toEqual(['list', 'survey-form']);
    expect(replyText(o)).toContain('everyone answers privately');
    const bad = await t.as('jo').act('survey.answer', { surveyId: id, q4: 'Longer holidays' });
    expect(replyText(bad)).toContain('choose one of: Clubs after school, Trips and visits, Time outside, Reading time');
    expect(await responses(id)).toHaveLength(0);
    expect(replyText(await t.as('jo').act('survey.answer', { surveyId: id, q1: '5', q4: 'Reading time' }, 'local:channel:beacon-staff'))).toContain('your answer is in');
  });

  it('an open survey goes up in a staff channel with survey post, never in a 1:1 chat', async () => {
    const demo = t.bot.store.read().surveys.find((s) => s.id.startsWith('wellbeing-'))!;
    const o = await t.as('rachel').say(`survey post ${demo.id}`, 'local:channel:beacon-staff');
    expect(o.replies.map((r) => r.card)).toEqual(['survey-form']);
    expect(cardText(o.replies[0]!)).toContain('Send my answers');
    expect(replyText(await t.as('rachel').say(`survey post ${demo.id}`))).toContain('Type this in the channel');
    expect(replyText(await t.as('jo').say(`survey post ${demo.id}`, 'local:channel:beacon-staff'))).toContain('Your role does not let you use "survey post"');
  });

  it('the Chair reads the trust view; a staff member reads no results', async () => {
    const demo = t.bot.store.read().surveys.find((s) => s.id.startsWith('wellbeing-'))!;
    expect(replyText(await t.as('helen').say(`survey results ${demo.id}`))).toContain('Survey results \u00b7 Whole trust');
    expect(replyText(await t.as('helen').say(`survey results ${demo.id} beacon`))).toContain('Scores and comments are shown once the survey closes');
  });

  it('a headteacher writes their own questions for their own school', async () => {
    const form = await t.as('rachel').say('survey new');
    expect(form.replies[0]!.card).toBe('survey-new');
    const bad = await t.as('rachel').act('survey.create', { template: 'custom', title: 'Lunchtimes', kind: 'staff', questions: 'likert: Lunch is calm\nchoice: Only | one' });
    expect(replyText(bad)).toContain('Question 2 could not be used: a choice question needs 2 to 10 options');
    const ok = await t.as('rachel').act('survey.create', { template: 'custom', title: 'Lunchtimes', kind: 'staff', questions: 'likert: Lunch is calm\ntext: What would help?' });
    const id = t.bot.store.read().surveys.at(-1)!.id;
    expect(replyText(ok)).toContain(`Draft ${id} created`);
    expect(replyText(await t.as('rachel').say(`survey open ${id} riverside`))).toContain('Headteachers open surveys to their own school only');
    const opened = await t.as('rachel').act('survey.open', { surveyId: id });
    expect(replyText(opened)).toContain('Sent to 7 people at 1 school');
    expect(survey(id).invited).toEqual({ beacon: 7 });
    expect(replyText(await t.as('sam').say(`survey close ${id}`))).toContain('Only the executive team or the person who created');
  });

  it('an unknown template is named with the ones there are', async () => {
    expect(replyText(await t.as('tom').say('survey new climate'))).toContain('Templates: wellbeing, pulse, pupil-voice');
  });
});

describe('the daily job', () => {
  it('closes surveys past their closing date and updates their cards', async () => {
    const id = await newSurvey('pulse');
    await t.as('tom').say(`survey open ${id}`);
    const closesOn = survey(id).closesOn!;
    t.clock.set(`${closesOn}T10:00:00Z`);
    await t.bot.dispatcher.runJob('daily');
    expect(survey(id).status).toBe('open');
    const next = new Date(`${closesOn}T10:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    t.clock.set(next.toISOString());
    const o = await t.bot.dispatcher.runJob('daily');
    expect(survey(id).status).toBe('closed');
    expect(o.notifications.some((n) => n.subject === `survey:${id}` && n.update)).toBe(true);
  });
});
