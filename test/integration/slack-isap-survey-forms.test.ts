// The ISAP action's four forms (update, snooze, more time, complete) and a staff survey, each opened
// from a Slack button with a short value, filled in the modal and submitted: the dispatcher checks
// the values exactly as it does Teams', and the person sees the answer where the card was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack, type SlackCall } from '../fakes/slack-api';
import { startTestBot, type TestBot } from '../helpers/bot';
import { blockAction, interaction, SIGNING_SECRET, slashCommand, viewSubmission } from '../helpers/slack-requests';

const RACHEL = 'U00000HT1';
const JO = 'U0000STF1';

let fake: FakeSlack;
let t: TestBot;
beforeAll(async () => {
  fake = await startFakeSlack({ [RACHEL]: 'rachel.green@demo-trust.example', [JO]: 'jo.williams@demo-trust.example', U0000DOSI: 'tom.okafor@demo-trust.example', U00000CEO: 'amira.shah@demo-trust.example' });
  t = await startTestBot({ env: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${fake.url}/api/` } });
});
afterAll(async () => {
  await t?.stop();
  await fake?.close();
});

type Btn = { action_id: string; value: string; text: { text: string } };
const shown = (c: SlackCall) => JSON.stringify(c.body.blocks ?? c.body.view?.blocks ?? []);
const responses = (id: string) => fake.of('respond').filter((c) => c.body.responseUrlId === id);
const buttons = (c: SlackCall): Btn[] => ((c.body.blocks ?? []) as { type: string; elements?: Btn[] }[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements!);
const verbOf = (b: Btn) => (JSON.parse(b.value) as { v: string }).v;
const dmTo = (user: string) => `D${user.slice(1)}`;

async function slash(user: string, text: string, id: string): Promise<SlackCall> {
  await slashCommand(t.url, { user, text, channel: dmTo(user), responseUrl: fake.responseUrl(id) });
  await fake.waitFor(() => responses(id).length >= 1);
  return responses(id)[0]!;
}

/** Clicks a button; returns the modal opened, or the answer posted to `id` when the button opens none. */
async function click(user: string, b: Btn, id: string): Promise<Record<string, any>> {
  const before = fake.of('views.open').length;
  await interaction(t.url, blockAction({ user, channel: dmTo(user), ts: '1700000000.000100', button: b, responseUrl: fake.responseUrl(id) }));
  await fake.waitFor(() => fake.of('views.open').length > before || responses(id).length > 0);
  return fake.of('views.open').length > before ? fake.of('views.open').at(-1)!.body.view : responses(id)[0]!.body;
}

/** Fills the named inputs as a person would (others left as the modal opened), and submits. */
async function submit(user: string, view: Record<string, any>, answers: Record<string, string>): Promise<string> {
  const values: Record<string, Record<string, unknown>> = {};
  for (const b of (view.blocks as any[]).filter((x) => x.type === 'input')) {
    const el = b.element;
    const want = answers[b.block_id];
    const v =
      el.type === 'datepicker' ? { selected_date: want ?? el.initial_date ?? null }
      : ['static_select', 'radio_buttons', 'external_select'].includes(el.type) ? { selected_option: want ? (el.options ?? []).find((o: { value: string }) => o.value === want) ?? { value: want } : (el.initial_option ?? null) }
      : ['checkboxes', 'multi_static_select'].includes(el.type) ? { selected_options: want ? (el.options ?? []).filter((o: { value: string }) => want.split(',').includes(o.value)) : (el.initial_options ?? []) }
      : { value: want ?? el.initial_value ?? null };
    values[b.block_id] = { [el.action_id]: { type: el.type, ...v } };
  }
  const res = await interaction(t.url, viewSubmission({ user, view, values }));
  expect(res.status).toBe(200);
  return res.body;
}

describe('ISAP forms on Slack', () => {
  it("Rachel updates, snoozes, asks for more time on and completes an overdue action, each from the action's card", async () => {
    const plan = await slash(RACHEL, 'isap', 'rachel-plan');
    const open = buttons(plan).find((b) => verbOf(b) === 'isap.open')!;
    expect(open).toBeDefined();
    const actionId = (JSON.parse(open.value) as { d: { actionId: string } }).d.actionId;
    const action = () => t.bot.store.read().isapActions.find((a) => a.id === actionId)!;
    const card = (await click(RACHEL, open, 'rachel-open')) as Record<string, any>;
    const cardCall = responses('rachel-open')[0]!;
    expect(card.blocks).toBeDefined();
    const formButtons = buttons(cardCall);
    const byVerb = (v: string) => formButtons.find((b) => verbOf(b) === v)!;
    for (const v of ['isap.update', 'isap.snooze', 'isap.extend', 'isap.complete']) {
      expect(byVerb(v), v).toBeDefined();
      expect(byVerb(v).value.length).toBeLessThan(300);
    }

    // Update: a progress note and a due date from today.
    const update = await click(RACHEL, byVerb('isap.update'), 'rachel-update');
    expect(update.title.text).toBe('Update');
    expect(await submit(RACHEL, update, { note: 'Phonics screening rescheduled with the English hub.', due: '2026-11-27' })).not.toContain('errors');
    await fake.waitFor(() => responses('rachel-update').length === 1);
    expect(shown(responses('rachel-update')[0]!)).not.toMatch(/could not be used|error/i);
    expect(JSON.stringify(action())).toContain('Phonics screening rescheduled');

    // Snooze: a date and a reason, kept in the audit log.
    const snooze = await click(RACHEL, byVerb('isap.snooze'), 'rachel-snooze');
    await submit(RACHEL, snooze, { until: '2026-11-24', snoozeReason: 'Waiting for the hub visit' });
    await fake.waitFor(() => responses('rachel-snooze').length === 1);
    expect((await t.bot.store.audit()).some((e) => e.action === 'isap.snooze' && e.outcome === 'ok' && e.actorId === 'rachel')).toBe(true);

    // More time: a required reason left out keeps the form open with the reason under the field.
    const extend = await click(RACHEL, byVerb('isap.extend'), 'rachel-extend');
    const refused = JSON.parse(await submit(RACHEL, extend, { newDue: '2026-12-04' })) as { response_action: string; errors: Record<string, string> };
    expect(refused.response_action).toBe('errors');
    expect(Object.values(refused.errors).join(' ')).toMatch(/reason/i);
    await submit(RACHEL, extend, { newDue: '2026-12-04', reason: 'The hub can only visit in December.' });
    await fake.waitFor(() => responses('rachel-extend').length === 1);
    expect(shown(responses('rachel-extend')[0]!)).not.toMatch(/could not be used/);

    // Complete: evidence of impact.
    const complete = await click(RACHEL, byVerb('isap.complete'), 'rachel-complete');
    await submit(RACHEL, complete, { evidence: 'Every Year 1 pupil assessed; 12 identified for catch-up.' });
    await fake.waitFor(() => responses('rachel-complete').length === 1);
    expect(action().status).toBe('complete');
  });
});

describe('a survey form on Slack', () => {
  it('Jo answers the staff pulse in the modal; the answer is counted once, with no name kept', async () => {
    const list = await slash(JO, 'survey', 'jo-surveys');
    const answer = buttons(list).find((b) => verbOf(b) === 'survey.answer')!;
    expect(answer).toBeDefined();
    expect(answer.value.length).toBeLessThan(300);
    const surveyId = (JSON.parse(answer.value) as { d: { surveyId: string } }).d.surveyId;
    const before = (await t.bot.store.surveyResponses(surveyId)).length;
    const modal = await click(JO, answer, 'jo-answer');
    const inputs = (modal.blocks as any[]).filter((b) => b.type === 'input');
    expect(inputs.length).toBeGreaterThan(0);
    // Each question answered with its first choice, or a few words.
    const answers = Object.fromEntries(inputs.map((b) => [b.block_id, b.element.options?.[0]?.value ?? 'More time for planning, please.']));
    expect(await submit(JO, modal, answers)).not.toContain('errors');
    await fake.waitFor(() => responses('jo-answer').length === 1);
    expect(shown(responses('jo-answer')[0]!)).toMatch(/Thank you/);
    const after = (await t.bot.store.surveyResponses(surveyId));
    expect(after.length).toBe(before + 1);
    expect(JSON.stringify(after.at(-1))).not.toMatch(/jo|U0000STF1/i);
  });

  it('Slack refused nothing: every message and modal was within its limits', () => {
    expect(fake.calls.filter((c) => c.refused && c.refused !== 'ratelimited').map((c) => `${c.method}: ${c.refused}`)).toEqual([]);
  });
});
