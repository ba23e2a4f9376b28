// Slack forms end to end against the fake Web API: a picker of 1,000 schools searched as typed
// (external_select answered by block_suggestion), a form button that still opens after a restart,
// a button whose stored form is gone, and what a person sees when Slack refuses a send.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { approvalSubject } from '../../src/app/approval-requests';
import { approvalView } from '../../src/app/views/approval-view';
import { startFakeSlack, type FakeSlack, type SlackCall } from '../fakes/slack-api';
import { CARD_SAMPLES } from '../fixtures/cards';
import { startTestBot, type TestBot } from '../helpers/bot';
import { blockAction, eventCallback, interaction, SIGNING_SECRET, slashCommand, viewSubmission } from '../helpers/slack-requests';

const USERS = {
  U00000CEO: 'amira.shah@demo-trust.example',
  U0000DOSI: 'tom.okafor@demo-trust.example',
  U00000HT1: 'rachel.green@demo-trust.example',
  U0000MARK: 'mark.ellis@demo-trust.example',
};
const env = (fake: FakeSlack) => ({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${fake.url}/api/` });

type Btn = { action_id: string; value: string; text: { text: string } };
const shown = (c: SlackCall) => JSON.stringify(c.body.blocks ?? c.body.view?.blocks ?? []);
const responses = (fake: FakeSlack, id: string) => fake.of('respond').filter((c) => c.body.responseUrlId === id);
const buttons = (c: SlackCall): Btn[] => ((c.body.blocks ?? []) as { type: string; elements?: Btn[] }[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements!);
const dmTo = (user: string) => `D${user.slice(1)}`;

/** An options request from an external select in an open modal, as Slack sends it. */
function blockSuggestion(user: string, view: Record<string, any>, blockId: string, typed: string) {
  return {
    type: 'block_suggestion',
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T0001' },
    container: { type: 'view', view_id: 'VPICK' },
    api_app_id: 'A0001',
    token: 'legacy',
    team: { id: 'T0001', domain: 'demo-trust' },
    view: { id: 'VPICK', type: 'modal', callback_id: view.callback_id, private_metadata: view.private_metadata, blocks: view.blocks, state: { values: {} } },
    action_id: blockId,
    block_id: blockId,
    value: typed,
  };
}

/** The demo trust's approval card for Oakfield, posted to Amira's DM through the outbox. */
async function postApprovalCard(t: TestBot, fake: FakeSlack): Promise<SlackCall> {
  const data = t.bot.store.read();
  const view = approvalView(data, data.approvals.find((a) => a.id === 'oakfield-red')!, { timeZone: 'Europe/London' });
  const since = fake.calls.length;
  await t.bot.outbox.deliver([{ ...view, to: { person: 'amira' }, subject: approvalSubject('oakfield-red') }]);
  await t.bot.outbox.idle();
  return fake.calls.slice(since).find((c) => c.method === 'chat.postMessage' && c.body.channel === 'D00000CEO' && shown(c).includes('Move Oakfield Academy'))!;
}

describe('a school picker of 1,000 schools', () => {
  let fake: FakeSlack;
  let t: TestBot;
  beforeAll(async () => {
    fake = await startFakeSlack(USERS);
    t = await startTestBot({ env: env(fake) });
    await t.as('tom').say('risk open');
  });
  afterAll(async () => {
    await t?.stop();
    await fake?.close();
  });

  it('is searched as Tom types: the school he names first, at most 100, and picking it reviews it', async () => {
    const sample = CARD_SAMPLES.find((s) => s.card === 'risk-meeting' && s.label.includes('150-school'))!;
    const schools = Array.from({ length: 1000 }, (_, i) => ({ title: `Academy ${i + 1}`, value: `s${i}` }));
    schools[700] = { title: 'Beacon Primary', value: 'beacon' };
    schools[300] = { title: 'Old Beacon Lane Academy', value: 's300' };
    await t.bot.outbox.deliver([{ card: 'risk-meeting', data: { ...sample.data, schools, first: 's0' }, to: { person: 'tom' } }]);
    await t.bot.outbox.idle();
    const meeting = fake.of('chat.postMessage').find((c) => c.body.channel === 'D0000DOSI' && shown(c).includes('Risk meeting'))!;
    expect(meeting.refused).toBeUndefined();
    const review = buttons(meeting).find((b) => b.text.text === 'Review')!;
    expect(review.value.length).toBeLessThan(200);

    await interaction(t.url, blockAction({ user: 'U0000DOSI', channel: 'D0000DOSI', ts: '1.1', button: review, responseUrl: fake.responseUrl('tom-pick') }));
    await fake.waitFor(() => fake.of('views.open').length === 1);
    const open = fake.of('views.open')[0]!;
    expect(open.refused).toBeUndefined();
    const modal = open.body.view;
    const picker = (modal.blocks as any[]).find((b) => b.block_id === 'schoolId');
    expect(picker.element).toMatchObject({ type: 'external_select', initial_option: { value: 's0' } });
    expect(JSON.stringify(modal)).not.toMatch(/first 100|Teams or the playground/);

    const ask = async (typed: string) => {
      const res = await interaction(t.url, blockSuggestion('U0000DOSI', modal, 'schoolId', typed));
      expect(res.status).toBe(200);
      return (JSON.parse(res.body) as { options: { text: { text: string }; value: string }[] }).options;
    };
    const beacon = await ask('beacon');
    expect(beacon.map((o) => o.text.text)).toEqual(['Beacon Primary', 'Old Beacon Lane Academy']);
    expect(beacon[0]!.value).toBe('beacon');
    expect(await ask('')).toHaveLength(100);
    const many = await ask('academy 9');
    expect(many).toHaveLength(100);
    expect(many[0]!.text.text).toBe('Academy 9');
    expect(await ask('no such school')).toEqual([]);

    await interaction(t.url, viewSubmission({ user: 'U0000DOSI', view: modal, values: { schoolId: { schoolId: { type: 'external_select', selected_option: beacon[0] } } } }));
    await fake.waitFor(() => responses(fake, 'tom-pick').length === 1);
    const reviewed = responses(fake, 'tom-pick')[0]!;
    expect(reviewed.refused).toBeUndefined();
    expect(shown(reviewed)).toContain('Beacon Primary');
    expect(buttons(reviewed).map((b) => b.text.text)).toContain('Decide');
  });
});

describe('a form button after a restart', () => {
  let fake: FakeSlack;
  let dataDir: string;
  beforeAll(async () => {
    fake = await startFakeSlack(USERS);
    dataDir = await mkdtemp(path.join(tmpdir(), 'ibot-slack-forms-'));
  });
  afterAll(async () => {
    await fake?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('still opens its form, kept once on disk, and submits', async () => {
    const before = await startTestBot({ env: env(fake), dataDir });
    const card = await postApprovalCard(before, fake);
    await postApprovalCard(before, fake);
    const approve = buttons(card).find((b) => b.text.text === 'Approve')!;
    // The same forms posted twice are one small file each (Approve's and Reject's), none in db.json.
    const refs = buttons(card).map((b) => JSON.parse(b.value).f as string);
    expect(new Set(refs).size).toBe(2);
    expect((await readdir(path.join(dataDir, 'slack-forms'))).filter((f) => f.endsWith('.json')).sort()).toEqual(refs.map((r) => `${r}.json`).sort());
    expect(JSON.stringify(before.bot.store.read())).not.toContain(refs[0]);
    await before.stop();

    const after = await startTestBot({ env: env(fake), dataDir });
    try {
      await interaction(after.url, blockAction({ user: 'U00000CEO', channel: 'D00000CEO', ts: '1.1', button: approve, responseUrl: fake.responseUrl('amira-after') }));
      await fake.waitFor(() => fake.of('views.open').length === 1);
      const modal = fake.of('views.open')[0]!.body.view;
      expect(modal.title.text).toBe('Approve');
      expect(JSON.stringify(modal.blocks)).toContain('Comment (needed to reject)');
      await interaction(after.url, viewSubmission({ user: 'U00000CEO', view: modal, values: { comment: { comment: { type: 'plain_text_input', value: 'Agreed after the weekend' } } } }));
      await fake.waitFor(() => responses(fake, 'amira-after').length === 1);
      expect(shown(responses(fake, 'amira-after')[0]!)).toContain('Approved by Amira Shah');
      expect(after.bot.store.read().approvals.find((a) => a.id === 'oakfield-red')).toMatchObject({ status: 'approved', comment: 'Agreed after the weekend' });
    } finally {
      await after.stop();
    }
  });

  it('a button whose form is gone says to run the command again', async () => {
    const t = await startTestBot({ env: env(fake) });
    try {
      const button = { action_id: 'improve:0', value: JSON.stringify({ v: 'approval.decide', d: { approvalId: 'oakfield-red', decision: 'approve' }, f: 'AAAAAAAAAAAAAAAAAAAAAAAA' }) };
      await interaction(t.url, blockAction({ user: 'U00000CEO', channel: 'D00000CEO', ts: '1.2', button, responseUrl: fake.responseUrl('gone') }));
      await fake.waitFor(() => responses(fake, 'gone').length === 1);
      expect(responses(fake, 'gone')[0]!.body).toMatchObject({ response_type: 'ephemeral', text: 'That form is no longer available. Run the command again for a fresh card: /improve approvals' });
      expect(t.bot.store.read().approvals.find((a) => a.id === 'oakfield-red')!.status).toBe('pending');
    } finally {
      await t.stop();
    }
  });
});

describe('a send Slack refuses', () => {
  let fake: FakeSlack;
  let t: TestBot;
  let refusing: http.Server;
  let refusingUrl = '';
  const received: Record<string, any>[] = [];
  beforeAll(async () => {
    fake = await startFakeSlack(USERS);
    t = await startTestBot({ env: env(fake) });
    // A response_url that refuses the first post, as Slack does a message it cannot show.
    refusing = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      res.writeHead(received.length === 1 ? 400 : 200, { 'content-type': 'text/plain' });
      res.end(received.length === 1 ? 'invalid_blocks' : 'ok');
    });
    await new Promise<void>((r) => refusing.listen(0, '127.0.0.1', r));
    refusingUrl = `http://127.0.0.1:${(refusing.address() as AddressInfo).port}/hooks/1`;
  });
  afterAll(async () => {
    await t?.stop();
    await fake?.close();
    await new Promise<void>((r) => refusing.close(() => r()));
  });

  it('a reply refused at its response_url is replaced by a short message saying what to type, and logged', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await slashCommand(t.url, { user: 'U0000DOSI', text: 'risk meeting', channel: 'D0000DOSI', responseUrl: refusingUrl });
      await vi.waitFor(() => expect(received).toHaveLength(2), { timeout: 5_000 });
      expect(received[1]).toMatchObject({ response_type: 'ephemeral' });
      expect(received[1]!.text).toMatch(/What you asked for was done; only showing it failed\. The risk-meeting view could not be shown: Slack refused its layout\. Type \/improve risk <school> to see one school/);
      expect(errors.mock.calls.map((c) => c.join(' ')).join('\n')).toMatch(/reply refused by Slack \(invalid_blocks\): view risk-meeting, \d+ blocks, \d+ bytes/);
    } finally {
      errors.mockRestore();
    }
  });

  it('a notification refused by chat.postMessage becomes a short message in the same chat, and is logged', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      fake.failNext('chat.postMessage', { error: 'msg_too_long' });
      await t.bot.outbox.deliver([{ card: 'isap-plan', data: CARD_SAMPLES.find((s) => s.card === 'isap-plan')!.data, to: { person: 'rachel' } }]);
      await t.bot.outbox.idle();
      const toRachel = fake.of('chat.postMessage').filter((c) => c.body.channel === 'D00000HT1');
      expect(toRachel).toHaveLength(2);
      expect(toRachel[1]!.body.text).toMatch(/A message for you could not be shown here\. The isap-plan view could not be shown: it is too long for Slack\. Type \/improve isap <school>/);
      expect((await t.bot.store.deliveries()).at(-1)!.state).toBe('sent');
      expect(errors.mock.calls.map((c) => c.join(' ')).join('\n')).toMatch(/notification refused by Slack \(msg_too_long\): view isap-plan, \d+ blocks/);
    } finally {
      errors.mockRestore();
    }
  });

  it('a reply in a DM refused by chat.postMessage becomes the short message too', async () => {
    fake.failNext('chat.postMessage', { error: 'invalid_blocks' });
    const event = { type: 'message', channel: 'D0000DOSI', user: 'U0000DOSI', text: 'risk meeting', ts: '1700000009.000200', event_ts: '1700000009.000200', channel_type: 'im' };
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await eventCallback(t.url, event, 'EvRefused1');
      const toTom = () => fake.of('chat.postMessage').filter((c) => c.body.channel === 'D0000DOSI' && c.body.ts === undefined);
      await fake.waitFor(() => toTom().some((c) => String(c.body.text).includes('could not be shown')));
      expect(toTom().at(-1)!.body.text).toContain('The risk-meeting view could not be shown: Slack refused its layout.');
    } finally {
      errors.mockRestore();
    }
  });
});
