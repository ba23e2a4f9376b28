// On Slack, a headteacher updates an overdue ISAP action through the modal: the form's date starts
// empty (not at the past due date), and the progress and note are saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack, type SlackCall } from '../fakes/slack-api';
import { startTestBot, type TestBot } from '../helpers/bot';
import { blockAction, interaction, SIGNING_SECRET, slashCommand, viewSubmission } from '../helpers/slack-requests';

let fake: FakeSlack;
let t: TestBot;
beforeAll(async () => {
  fake = await startFakeSlack({ U00000HT1: 'rachel.green@demo-trust.example' });
  t = await startTestBot({ env: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${fake.url}/api/` } });
});
afterAll(async () => {
  await t?.stop();
  await fake?.close();
});

type Button = { type: string; action_id: string; value: string; text: { text: string } };
const responses = (id: string) => fake.of('respond').filter((c) => c.body.responseUrlId === id);
const buttons = (c: SlackCall): Button[] => (c.body.blocks as { type: string; elements?: Button[]; accessory?: Button }[]).flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]).filter((e) => e.type === 'button');
const shown = (c: SlackCall) => JSON.stringify(c.body.blocks ?? c.body.view?.blocks ?? []);

describe('slack: updating an overdue ISAP action', () => {
  it('opens the update form with no past date and saves the progress and note', async () => {
    const phonics = t.bot.store.read().isapActions.find((a) => a.title.startsWith('Phonics'))!;
    expect(phonics.due < '2026-11-18').toBe(true);
    await slashCommand(t.url, { user: 'U00000HT1', channel: 'D00000HT1', text: 'isap beacon primary', responseUrl: fake.responseUrl('plan') });
    await fake.waitFor(() => responses('plan').length === 1);
    const open = buttons(responses('plan')[0]!).find((b) => b.value.includes(phonics.id))!;
    expect(open).toBeDefined();
    await interaction(t.url, blockAction({ user: 'U00000HT1', channel: 'D00000HT1', ts: '10.1', button: open, responseUrl: fake.responseUrl('action') }));
    await fake.waitFor(() => responses('action').length === 1);
    const update = buttons(responses('action')[0]!).find((b) => b.text.text === 'Update')!;
    expect(update).toBeDefined();

    const opened = fake.of('views.open').length;
    await interaction(t.url, blockAction({ user: 'U00000HT1', channel: 'D00000HT1', ts: '10.2', button: update, responseUrl: fake.responseUrl('update') }));
    await fake.waitFor(() => fake.of('views.open').length === opened + 1);
    const modal = fake.of('views.open').at(-1)!.body.view;
    const picker = (modal.blocks as { block_id: string; element?: { type: string; initial_date?: string; action_id: string } }[]).find((b) => b.element?.type === 'datepicker')!;
    expect(picker.element!.initial_date ?? '').toBe('');

    const values: Record<string, Record<string, unknown>> = {};
    for (const b of modal.blocks as { block_id: string; element?: { type: string; action_id: string } }[]) {
      if (!b.element) continue;
      const id = b.element.action_id;
      if (id === 'rag') values[b.block_id] = { [id]: { type: 'static_select', selected_option: { value: 'red', text: { type: 'plain_text', text: '⛔ Off track' } } } };
      else if (id === 'note') values[b.block_id] = { [id]: { type: 'plain_text_input', value: 'Catch-up groups now daily' } };
      else if (b.element.type === 'datepicker') values[b.block_id] = { [id]: { type: 'datepicker', selected_date: null } };
    }
    await interaction(t.url, viewSubmission({ user: 'U00000HT1', view: modal, values }));
    await fake.waitFor(() => responses('update').length === 1);
    expect(shown(responses('update')[0]!)).toContain('Saved.');
    const after = t.bot.store.read().isapActions.find((a) => a.id === phonics.id)!;
    expect(after.rag).toBe('red');
    expect(after.notes?.at(-1)?.text).toBe('Catch-up groups now daily');
  });
});
