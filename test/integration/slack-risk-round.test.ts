// A Slack-only trust runs a whole risk round, every step through signed requests and the fake Web
// API on 127.0.0.1: the DoSI opens it, every headteacher answers in the modal, the meeting picks a
// school and decides, the CEO approves, the DoSI publishes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameworkOf } from '../../src/app/workflows/risk/shared';
import { startFakeSlack, type FakeSlack, type SlackCall } from '../fakes/slack-api';
import { startTestBot, type TestBot } from '../helpers/bot';
import { blockAction, interaction, SIGNING_SECRET, slashCommand, viewSubmission } from '../helpers/slack-requests';

/** The demo trust's headteachers: Slack id (Rachel's and Sam's from the trust's records; the rest matched by email). */
const HEADS = {
  rachel: { slack: 'U00000HT1', email: 'rachel.green@demo-trust.example', school: 'Beacon Primary' },
  sam: { slack: 'U00000HT2', email: 'sam.patel@demo-trust.example', school: 'Riverside Academy' },
  priya: { slack: 'U0000PRIY', email: 'priya.nair@demo-trust.example', school: 'Hillcrest Primary' },
  david: { slack: 'U000DAVID', email: 'david.brown@demo-trust.example', school: 'Oakfield Academy' },
  grace: { slack: 'U000GRACE', email: 'grace.liu@demo-trust.example', school: "St Mary's Church of England Primary School and Nursery" },
  owen: { slack: 'U0000OWEN', email: 'owen.hughes@demo-trust.example', school: 'Meadowbank Special School' },
  fatima: { slack: 'U000FATIM', email: 'fatima.begum@demo-trust.example', school: 'Northgate Junior School' },
};
const TOM = 'U0000DOSI';
const AMIRA = 'U00000CEO';

let fake: FakeSlack;
let t: TestBot;

beforeAll(async () => {
  fake = await startFakeSlack({
    [AMIRA]: 'amira.shah@demo-trust.example',
    [TOM]: 'tom.okafor@demo-trust.example',
    U0000MARK: 'mark.ellis@demo-trust.example',
    ...Object.fromEntries(Object.values(HEADS).map((h) => [h.slack, h.email])),
  });
  t = await startTestBot({ env: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${fake.url}/api/` } });
});
afterAll(async () => {
  await t?.stop();
  await fake?.close();
});

type Btn = { action_id: string; value: string; text: { text: string } };
/** What a person reads, without the colour markers beside category names. */
const shown = (c: SlackCall) => JSON.stringify(c.body.blocks ?? c.body.view?.blocks ?? []).replace(/\\n/g, '\n').replace(/\p{Extended_Pictographic}\uFE0F? ?/gu, '');
const responses = (id: string) => fake.of('respond').filter((c) => c.body.responseUrlId === id);
const buttons = (c: SlackCall): Btn[] => ((c.body.blocks ?? []) as { type: string; elements?: Btn[] }[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements!);
const button = (c: SlackCall, title: string) => buttons(c).find((b) => b.text.text === title)!;
const dmTo = (user: string) => `D${user.slice(1)}`;
const questionCards = () => fake.of('chat.postMessage').filter((c) => shown(c).includes('Category questions'));

async function slash(user: string, text: string, id: string): Promise<SlackCall> {
  await slashCommand(t.url, { user, text, channel: dmTo(user), responseUrl: fake.responseUrl(id) });
  await fake.waitFor(() => responses(id).length >= 1);
  return responses(id)[0]!;
}

/** Clicks a button and returns the modal Slack was asked to open. */
async function openForm(user: string, b: Btn, responseId: string, ts = '1700000000.000100'): Promise<Record<string, any>> {
  const before = fake.of('views.open').length;
  await interaction(t.url, blockAction({ user, channel: dmTo(user), ts, button: b, responseUrl: fake.responseUrl(responseId) }));
  await fake.waitFor(() => fake.of('views.open').length > before);
  return fake.of('views.open').at(-1)!.body.view;
}

type Option = { value: string; text: unknown };
/**
 * The modal's state as Slack sends it on submit: every input, as left (its initial value) or as
 * the person set it. A list shown in groups takes each wanted value in the group that holds it.
 */
function fill(view: Record<string, any>, answers: Record<string, string | string[]>): Record<string, Record<string, unknown>> {
  const state: Record<string, Record<string, unknown>> = {};
  for (const b of (view.blocks as any[]).filter((x) => x.type === 'input')) {
    const el = b.element;
    const id = String(b.block_id).replace(/::part\d+$/, '');
    // `tick`: values to tick in whichever list offers them (the criteria come in a list per category).
    const offers = ((el.options ?? []) as Option[]).filter((o) => [answers.tick ?? []].flat().includes(o.value));
    const want = answers[id] ?? (el.type === 'checkboxes' && answers.tick ? offers.map((o) => o.value) : undefined);
    let v: Record<string, unknown>;
    switch (el.type) {
      case 'plain_text_input':
      case 'number_input':
        v = { value: want !== undefined ? String(want) : (el.initial_value ?? null) };
        break;
      case 'datepicker':
        v = { selected_date: want ?? el.initial_date ?? null };
        break;
      case 'static_select':
      case 'external_select':
      case 'radio_buttons': {
        const opt = want === undefined ? el.initial_option : el.type === 'external_select' ? { text: { type: 'plain_text', text: want }, value: want } : (el.options as Option[]).find((o) => o.value === want);
        if (want !== undefined && !opt) throw new Error(`${b.block_id} has no option ${String(want)}`);
        v = { selected_option: opt ?? null };
        break;
      }
      default: {
        const wanted = want === undefined ? undefined : [want].flat();
        v = { selected_options: wanted ? ((el.options ?? []) as Option[]).filter((o) => wanted.includes(o.value)) : (el.initial_options ?? []) };
      }
    }
    state[b.block_id] = { [el.action_id]: { type: el.type, ...v } };
  }
  return state;
}

async function submit(user: string, view: Record<string, any>, answers: Record<string, string | string[]>): Promise<string> {
  const res = await interaction(t.url, viewSubmission({ user, view, values: fill(view, answers) }));
  expect(res.status).toBe(200);
  return res.body;
}

describe('a whole risk round on Slack alone', () => {
  it('Tom opens the round, and every headteacher gets their questions with a short button', async () => {
    const open = await slash(TOM, 'risk open', 'tom-open');
    expect(shown(open)).toContain('Risk round Autumn 2 2026-27 is open');
    expect(shown(open)).toContain('Questions sent for 7 schools');
    await fake.waitFor(() => questionCards().length === 7, 15_000);
    for (const h of Object.values(HEADS)) {
      const card = fake.of('chat.postMessage').find((c) => c.body.channel === dmTo(h.slack) && shown(c).includes('Category questions'))!;
      expect(shown(card)).toContain(`Category questions: ${h.school}`);
      const send = button(card, 'Send answers');
      expect(send.value.length).toBeLessThan(300);
      expect(shown(card)).not.toContain('too large for Slack');
    }
  });

  it('every headteacher answers in the modal and sees the proposed category', async () => {
    for (const [id, h] of Object.entries(HEADS)) {
      const card = fake.of('chat.postMessage').find((c) => c.body.channel === dmTo(h.slack) && shown(c).includes('Category questions'))!;
      const modal = await openForm(h.slack, button(card, 'Send answers'), `${id}-questions`);
      expect(modal.title.text).toBe('Send answers');
      // Every one of the trust's criteria is there to tick, not the first ten.
      const criteria = (modal.blocks as any[]).filter((b) => String(b.block_id).startsWith('criteria')).flatMap((b) => b.element.options.map((o: Option) => o.value));
      const fw = frameworkOf(t.bot.store.read());
      expect(criteria.length).toBe([...fw.categories, ...(fw.overlay ? [fw.overlay] : [])].reduce((n, c) => n + c.criteria.length, 0));
      expect(criteria.length).toBeGreaterThan(10);
      expect(criteria).toContain('amber#0');
      const beacon = id === 'rachel';
      const body = await submit(h.slack, modal, {
        tick: beacon ? ['amber#0', 'yellow#2'] : ['green#0'],
        ...(beacon ? { ofstedScheme: 'legacy', ofstedDate: '2023-03-15', ofstedOverall: 'requires-improvement' } : {}),
        attendance: beacon ? '89.0' : '95.5',
        nationalAttendance: '94.0',
        safeguardingConcerns: 'no',
        leadershipChange: 'no',
      });
      expect(body).not.toContain('errors');
      await fake.waitFor(() => responses(`${id}-questions`).length === 1);
      const answer = responses(`${id}-questions`)[0]!;
      expect(answer.body.replace_original).toBe(true);
      expect(shown(answer)).toContain(`Proposed for ${h.school}`);
      if (beacon) expect(shown(answer)).toContain('Proposed for Beacon Primary: AMBER');
    }
    expect(t.bot.store.read().riskRounds[0]!.entries.every((e) => e.status === 'answered')).toBe(true);
  });

  it('a headteacher who leaves a required answer out is told under the field, in the modal', async () => {
    const card = fake.of('chat.postMessage').find((c) => c.body.channel === dmTo(HEADS.sam.slack) && shown(c).includes('Category questions'))!;
    const modal = await openForm(HEADS.sam.slack, button(card, 'Send answers'), 'sam-bad');
    const body = await submit(HEADS.sam.slack, modal, { attendance: 'lots', nationalAttendance: '94.0', safeguardingConcerns: 'no', leadershipChange: 'no' });
    expect(JSON.parse(body)).toMatchObject({ response_action: 'errors', errors: { attendance: expect.stringContaining('a percentage such as 93.4') } });
  });

  let decideCard: SlackCall;
  it('Tom runs the meeting: picks Beacon through the modal, reviews it and moves it to RED', async () => {
    const meeting = await slash(TOM, 'risk meeting', 'tom-meeting');
    expect(shown(meeting)).toContain('7 of 7 answered');
    const modal = await openForm(TOM, button(meeting, 'Review'), 'tom-review');
    const picker = (modal.blocks as any[]).find((b) => b.block_id === 'schoolId');
    expect(picker.element.options.map((o: { text: { text: string } }) => o.text.text)).toContain('Beacon Primary');
    await submit(TOM, modal, { schoolId: 'beacon' });
    await fake.waitFor(() => responses('tom-review').length === 1);
    decideCard = responses('tom-review')[0]!;
    expect(shown(decideCard)).toContain('Beacon Primary');
    expect(shown(decideCard)).toContain('89% (national 94%)');

    const decide = await openForm(TOM, button(decideCard, 'Decide'), 'tom-decide');
    await submit(TOM, decide, { category: 'red', urgentAction: 'false', rationale: 'Phonics and attendance not responding to trust support with urgency.' });
    await fake.waitFor(() => responses('tom-decide').length === 1);
    expect(shown(responses('tom-decide')[0]!)).toContain('Beacon Primary: RED sent to the CEO');
    expect(t.bot.store.read().riskRounds[0]!.entries.find((e) => e.schoolId === 'beacon')!.status).toBe('awaiting-ceo');
  });

  it('Amira approves the move from the card in her DM', async () => {
    const approvalCard = () => fake.of('chat.postMessage').find((c) => c.body.channel === dmTo(AMIRA) && shown(c).includes('Move Beacon Primary from AMBER to RED'));
    await fake.waitFor(() => approvalCard() !== undefined, 10_000);
    const card = approvalCard()!;
    const modal = await openForm(AMIRA, button(card, 'Approve'), 'amira-approve');
    await submit(AMIRA, modal, { comment: 'Agreed at the meeting.' });
    await fake.waitFor(() => responses('amira-approve').length === 1);
    expect(shown(responses('amira-approve')[0]!)).toContain('Approved by Amira Shah');
    expect(t.bot.store.read().schools.find((s) => s.id === 'beacon')!.categoryId).toBe('red');
  });

  it('Tom publishes and Rachel hears Beacon\'s outcome in her DM', async () => {
    const published = await slash(TOM, 'risk publish', 'tom-publish');
    expect(shown(published)).toContain('Published 1 school');
    const outcome = () => fake.of('chat.postMessage').find((c) => c.body.channel === dmTo(HEADS.rachel.slack) && shown(c).includes('The risk meeting placed Beacon Primary in RED'));
    await fake.waitFor(() => outcome() !== undefined, 10_000);
    const told = outcome();
    expect(shown(told!)).toContain('Added to your ISAP');
  });

  it('Rachel disputes RED from the outcome card; the Chair gets the case', async () => {
    const outcome = fake.of('chat.postMessage').find((c) => c.body.channel === dmTo(HEADS.rachel.slack) && shown(c).includes('The risk meeting placed Beacon Primary in RED'))!;
    const dispute = buttons(outcome).find((b) => JSON.parse(b.value).v === 'risk.dispute')!;
    expect(dispute.value.length).toBeLessThan(300);
    const modal = await openForm(HEADS.rachel.slack, dispute, 'rachel-dispute');
    expect((modal.blocks as any[]).map((b) => b.block_id)).toEqual(expect.arrayContaining(['wanted', 'case']));
    await submit(HEADS.rachel.slack, modal, { wanted: 'amber', case: 'Attendance has risen for two half terms and phonics catch-up is now on plan.' });
    await fake.waitFor(() => responses('rachel-dispute').length === 1);
    expect(shown(responses('rachel-dispute')[0]!)).toContain('Dispute sent to the Chair: Beacon Primary');
    expect(t.bot.store.read().riskRounds[0]!.entries.find((e) => e.schoolId === 'beacon')!.dispute).toBeDefined();
  });

  it('Slack refused nothing along the way: every message, modal and answer was within its limits', () => {
    expect(fake.calls.filter((c) => c.refused && c.refused !== 'ratelimited').map((c) => `${c.method}: ${c.refused}`)).toEqual([]);
  });
});
