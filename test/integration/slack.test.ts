// Slack end to end: signed requests to /slack/events, the Web API a fake on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalSubject } from '../../src/app/approval-requests';
import { approvalView } from '../../src/app/views/approval-view';
import { renderCard } from '../../src/cards/render';
import { cardToBlocks } from '../../src/channels/slack/blockkit';
import { startFakeSlack, type FakeSlack, type SlackCall } from '../fakes/slack-api';
import { startTestBot, type TestBot } from '../helpers/bot';
import { blockAction, eventCallback, interaction, post, SIGNING_SECRET, sign, slashCommand, triggerId, viewSubmission } from '../helpers/slack-requests';

let fake: FakeSlack;
let t: TestBot;

beforeAll(async () => {
  fake = await startFakeSlack({
    U00000CEO: 'amira.shah@demo-trust.example',
    U0000DOSI: 'tom.okafor@demo-trust.example',
    U00000HT1: 'rachel.green@demo-trust.example',
    U00000HT2: 'sam.patel@demo-trust.example',
    U0000STF1: 'jo.williams@demo-trust.example',
    U000CHAIR: 'helen.price@demo-trust.example',
    // Mark has no Slack id in the trust's records: he is matched by the email on his profile.
    U0000MARK: 'mark.ellis@demo-trust.example',
    UOUTSIDER: 'pat@another-trust.example',
  });
  t = await startTestBot({ env: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${fake.url}/api/` } });
});
afterAll(async () => {
  await t?.stop();
  await fake?.close();
});

/** Everything a person reads in a Slack message or view, flattened. */
const shown = (c: SlackCall) => JSON.stringify(c.body.blocks ?? c.body.view?.blocks ?? []);
const responses = (id: string) => fake.of('respond').filter((c) => c.body.responseUrlId === id);

/** The Approve and Reject buttons of the demo trust's pending decision, as Slack shows them. */
function approvalButtons(): { action_id: string; value: string }[] {
  const data = t.bot.store.read();
  const card = renderCard(approvalView(data, data.approvals.find((a) => a.id === 'oakfield-red')!, { timeZone: 'Europe/London' }));
  return cardToBlocks(card).blocks.find((b) => b.type === 'actions')!.elements as { action_id: string; value: string }[];
}

/** Opens someone's Home tab and returns the views.publish call that answered it. */
async function openHome(user: string, eventId: string): Promise<SlackCall> {
  await eventCallback(t.url, { type: 'app_home_opened', user, channel: `D${user.slice(1)}`, tab: 'home', event_ts: '1.1' }, eventId);
  await fake.waitFor((c) => c.some((x) => x.method === 'views.publish' && x.body.user_id === user));
  return fake.of('views.publish').find((c) => c.body.user_id === user)!;
}

describe('Slack signatures', () => {
  it('refuses a forged or stale signature with 401 and does nothing', async () => {
    const raw = new URLSearchParams({ command: '/improve', text: 'approvals', user_id: 'U00000CEO', response_url: fake.responseUrl('forged'), trigger_id: triggerId() }).toString();
    const before = fake.calls.length;
    const forged = await post(t.url, raw, 'application/x-www-form-urlencoded', { secret: 'not-the-secret' });
    const stale = Math.floor(Date.now() / 1000) - 10 * 60;
    const old = await post(t.url, raw, 'application/x-www-form-urlencoded', { timestamp: stale, signature: sign(raw, stale) });
    const missing = await post(t.url, raw, 'application/x-www-form-urlencoded', { signature: '' });
    // Signed correctly but dated six minutes ahead: a request saved to be replayed later.
    const ahead = Math.floor(Date.now() / 1000) + 6 * 60;
    const future = await post(t.url, raw, 'application/x-www-form-urlencoded', { timestamp: ahead, signature: sign(raw, ahead) });
    const noStamp = await post(t.url, raw, 'application/x-www-form-urlencoded', { headers: { 'x-slack-request-timestamp': '' } });
    expect([forged.status, old.status, missing.status, future.status, noStamp.status]).toEqual([401, 401, 401, 401, 401]);
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.calls.slice(before)).toEqual([]);
  });

  it('takes a request dated four minutes ahead (clocks drift), within Slack\'s five', async () => {
    const raw = new URLSearchParams({ command: '/improve', text: 'help', user_id: 'U00000CEO', response_url: fake.responseUrl('ahead'), trigger_id: triggerId() }).toString();
    const ahead = Math.floor(Date.now() / 1000) + 4 * 60;
    expect((await post(t.url, raw, 'application/x-www-form-urlencoded', { timestamp: ahead, signature: sign(raw, ahead) })).status).toBe(200);
  });

  it('answers Slack\'s URL verification challenge', async () => {
    const res = await post(t.url, JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 'x' }), 'application/json');
    expect(res.status).toBe(200);
    expect(res.body).toContain('c-123');
  });
});

describe('/improve', () => {
  it('acks at once, then answers through the response_url', async () => {
    const started = Date.now();
    const res = await slashCommand(t.url, { user: 'U00000HT1', text: 'help', responseUrl: fake.responseUrl('rachel-help') });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    await fake.waitFor(() => responses('rachel-help').length === 1);
    const answer = responses('rachel-help')[0]!;
    expect(answer.body.response_type).toBe('ephemeral');
    expect(shown(answer)).toContain('You are Rachel Green (Headteacher)');
  });

  it('matches someone by the email on their Slack profile, and remembers a channel it is used in', async () => {
    await slashCommand(t.url, { user: 'U0000MARK', text: 'approvals', channel: 'C0000SLT', responseUrl: fake.responseUrl('mark-approvals') });
    await fake.waitFor(() => responses('mark-approvals').length >= 1);
    await new Promise((r) => setTimeout(r, 100));
    // The list's header and the decision's card arrive as one message.
    expect(responses('mark-approvals')).toHaveLength(1);
    expect(shown(responses('mark-approvals')[0]!)).toMatch(/1 decision waiting[^]*Move Oakfield Academy from 🟠 AMBER to 🔴 RED/);
    expect(fake.of('users.info').some((c) => c.body.user === 'U0000MARK')).toBe(true);
    expect(t.bot.store.read().conversations.find((c) => c.key === 'slack:C0000SLT')).toMatchObject({ platform: 'slack', kind: 'channel' });
  });

  it('tells someone outside the trust politely who to ask', async () => {
    await slashCommand(t.url, { user: 'UOUTSIDER', text: 'approvals', responseUrl: fake.responseUrl('outsider') });
    await fake.waitFor(() => responses('outsider').length === 1);
    expect(shown(responses('outsider')[0]!)).toContain("I don't know you yet");
    expect(shown(responses('outsider')[0]!)).toContain('Tom Okafor');
  });
});

describe('App Home', () => {
  it('publishes a person\'s own open items: overdue actions first, surveys open to them, nothing done', async () => {
    const home = await openHome('U0000STF1', 'EvHomeJo');
    const text = shown(home);
    expect(home.body.view.type).toBe('home');
    expect(text).toContain('Jo, your open items');
    expect(text).toMatch(/Phonics: every Year 1 pupil assessed[^]*overdue since/);
    expect(text).toContain('Staff wellbeing pulse');
    expect(text).not.toContain('Year 6 writing moderation'); // complete
    expect(home.body.view.blocks.length).toBeLessThanOrEqual(100);
  });

  it('knows someone by their profile email and keeps their DM for notifications', async () => {
    expect(shown(await openHome('U0000MARK', 'EvHomeMark'))).toContain('Mark, your open items');
    expect(t.bot.store.read().conversations.find((c) => c.key === 'slack:D0000MARK')).toMatchObject({ kind: 'personal', personId: 'mark', platform: 'slack' });
  });

  it('tells someone outside the trust, on the Home tab, who to ask', async () => {
    const text = shown(await openHome('UOUTSIDER', 'EvHomeOutsider'));
    expect(text).toContain("I don't know you yet");
    expect(text).toContain('Tom Okafor (tom.okafor@demo-trust.example)');
    expect(t.bot.store.read().conversations.some((c) => c.key === 'slack:DOUTSIDER')).toBe(false);
  });

  it('shows the CEO the decision waiting for her, with a button that lists it', async () => {
    const text = shown(await openHome('U00000CEO', 'EvHomeAmira'));
    expect(text).toContain('Decisions waiting for you (1)');
    expect(text).toContain('Move Oakfield Academy from 🟠 AMBER to 🔴 RED');
    expect(text).toContain('Show my decisions');

    // The button answers in her DM (a Home tab has no response_url) and refreshes the tab.
    const home = fake.of('views.publish').find((c) => c.body.user_id === 'U00000CEO')!;
    const button = (home.body.view.blocks as any[]).find((b) => b.type === 'actions').elements[0];
    const published = fake.of('views.publish').length;
    const { channel: _c, message: _m, response_url: _r, ...click } = blockAction({ user: 'U00000CEO', channel: '', ts: '', button, responseUrl: '' });
    // Delivered twice (a retry carries the same trigger_id): answered once.
    const homeClick = { ...click, container: { type: 'view', view_id: 'VHOME' }, view: { id: 'VHOME', type: 'home' } };
    await Promise.all([interaction(t.url, homeClick), interaction(t.url, homeClick)]);
    const lists = () => fake.of('chat.postMessage').filter((x) => x.body.channel === 'D00000CEO' && shown(x).includes('1 decision waiting'));
    await fake.waitFor(() => lists().length === 1);
    await fake.waitFor(() => fake.of('views.publish').length >= published + 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(lists()).toHaveLength(1);
  });
});

describe('Events API retries', () => {
  it('handles a retried direct message once', async () => {
    const event = { type: 'message', channel: 'D00000HT2', user: 'U00000HT2', text: 'help', ts: '1700000001.000200', event_ts: '1700000001.000200', channel_type: 'im' };
    const first = await eventCallback(t.url, event, 'EvRetry1');
    const retry = await eventCallback(t.url, event, 'EvRetry1', 1);
    expect([first.status, retry.status]).toEqual([200, 200]);
    const toSam = () => fake.of('chat.postMessage').filter((c) => c.body.channel === 'D00000HT2');
    await fake.waitFor(() => toSam().length === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(toSam()).toHaveLength(1);
    expect(shown(toSam()[0]!)).toContain('You are Sam Patel');
    expect(t.bot.store.read().conversations.find((c) => c.key === 'slack:D00000HT2')).toMatchObject({ kind: 'personal', personId: 'sam' });
  });
});

describe('forms on Slack', () => {
  it('keeps a form open with the reason under the field when it is incomplete, and changes nothing', async () => {
    const [, reject] = approvalButtons();
    const opened = fake.of('views.open').length;
    await interaction(t.url, blockAction({ user: 'U00000CEO', channel: 'D00000CEO', ts: '99.1', button: reject!, responseUrl: fake.responseUrl('reject-card') }));
    await fake.waitFor(() => fake.of('views.open').length === opened + 1);
    const modal = fake.of('views.open').at(-1)!.body.view;
    expect(modal.submit.text).toBe('Reject');

    const res = await interaction(t.url, viewSubmission({ user: 'U00000CEO', view: modal, viewId: 'VREJECT', values: { comment: { comment: { type: 'plain_text_input', value: null } } } }));
    expect(JSON.parse(res.body)).toEqual({ response_action: 'errors', errors: { comment: 'Say why in the comment box before rejecting.' } });
    expect(t.bot.store.read().approvals.find((a) => a.id === 'oakfield-red')!.status).toBe('pending');
    await new Promise((r) => setTimeout(r, 100));
    expect(responses('reject-card')).toEqual([]);
  });
});

describe('forms that cannot open', () => {
  it('says so when Slack refuses to open the form (an expired trigger)', async () => {
    const [approve] = approvalButtons();
    fake.failNext('views.open', { error: 'expired_trigger_id' });
    await interaction(t.url, blockAction({ user: 'U00000CEO', channel: 'D00000CEO', ts: '99.2', button: approve!, responseUrl: fake.responseUrl('expired') }));
    await fake.waitFor(() => responses('expired').length === 1);
    expect(responses('expired')[0]!.body).toMatchObject({ response_type: 'ephemeral', text: 'That form could not be opened just now. Click the button again.' });
  });
});

describe('deciding an approval from Slack', () => {
  it('posts the card to both deciders, decides once through the form, and updates every copy', async () => {
    const id = 'oakfield-red';
    const data = t.bot.store.read();
    const view = approvalView(data, data.approvals.find((a) => a.id === id)!, { timeZone: 'Europe/London' });
    const since = fake.calls.length;
    await t.bot.outbox.deliver(['amira', 'mark'].map((p) => ({ ...view, to: { person: p }, subject: approvalSubject(id) })));
    await t.bot.outbox.idle();
    const posted = fake.calls.slice(since).filter((c) => c.method === 'chat.postMessage' && shown(c).includes('Move Oakfield Academy') && ['D00000CEO', 'D0000MARK'].includes(c.body.channel));
    expect(posted.map((c) => c.body.channel).sort()).toEqual(['D00000CEO', 'D0000MARK']);
    expect(t.bot.store.read().postedCards.filter((p) => p.subject === approvalSubject(id))).toHaveLength(2);

    // Amira clicks Approve (Slack delivers the click twice): one form opens, with the comment box.
    const approveOf = (c: SlackCall) => (c.body.blocks as any[]).find((b) => b.type === 'actions').elements[0];
    const amiraMsg = posted.find((c) => c.body.channel === 'D00000CEO')!;
    const amiraTs = t.bot.store.read().postedCards.find((p) => p.conversationKey === 'slack:D00000CEO')!.messageId.split('|')[1]!;
    const click = blockAction({ user: 'U00000CEO', channel: 'D00000CEO', ts: amiraTs, button: approveOf(amiraMsg), responseUrl: fake.responseUrl('amira-card') });
    expect((await interaction(t.url, click)).status).toBe(200);
    expect((await interaction(t.url, click)).status).toBe(200);
    const opens = () => fake.calls.slice(since).filter((c) => c.method === 'views.open');
    await fake.waitFor(() => opens().length >= 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(opens()).toHaveLength(1);
    const modal = opens()[0]!.body;
    expect(modal.trigger_id).toBe(click.trigger_id);
    expect(modal.view.title.text).toBe('Approve');
    expect(JSON.stringify(modal.view.blocks)).toContain('Comment (needed to reject)');

    await interaction(t.url, viewSubmission({ user: 'U00000CEO', view: modal.view, values: { comment: { comment: { type: 'plain_text_input', value: 'Agreed at the meeting' } } } }));
    await fake.waitFor(() => responses('amira-card').length === 1 && fake.of('chat.update').length >= 2);
    const replaced = responses('amira-card')[0]!;
    expect(replaced.body.replace_original).toBe(true);
    expect(shown(replaced)).toContain('Approved by Amira Shah at Wed 18 Nov, 10:00');
    expect(shown(replaced)).not.toContain('"actions"');
    // Every posted copy shows the decision and no buttons.
    const updates = fake.of('chat.update');
    expect(updates.map((u) => u.body.channel).sort()).toEqual(['D00000CEO', 'D0000MARK']);
    for (const u of updates) {
      expect(shown(u)).toContain('Approved by Amira Shah');
      expect(shown(u)).not.toContain('"type":"actions"');
    }
    const approval = t.bot.store.read().approvals.find((a) => a.id === id)!;
    expect(approval).toMatchObject({ status: 'approved', decidedById: 'amira', comment: 'Agreed at the meeting' });
    // Tom, who raised it, is told in his DM (opened for him).
    await fake.waitFor((c) => c.some((x) => x.method === 'chat.postMessage' && x.body.channel === 'D0000DOSI' && shown(x).includes('Approved: Move Oakfield')));

    // Mark clicks Approve on his copy before it refreshed: he is told it was already decided.
    const markMsg = posted.find((c) => c.body.channel === 'D0000MARK')!;
    await interaction(t.url, blockAction({ user: 'U0000MARK', channel: 'D0000MARK', ts: '1', button: approveOf(markMsg), responseUrl: fake.responseUrl('mark-card') }));
    await fake.waitFor(() => opens().length === 2);
    await interaction(t.url, viewSubmission({ user: 'U0000MARK', view: opens()[1]!.body.view, values: { comment: { comment: { type: 'plain_text_input', value: null } } } }));
    await fake.waitFor(() => responses('mark-card').length === 1);
    expect(shown(responses('mark-card')[0]!)).toContain('Already decided by Amira Shah');
    expect((await t.bot.store.audit()).filter((e) => e.subject === id && e.outcome === 'ok')).toHaveLength(1);
  });
});

describe('the Slack sender', () => {
  it('waits out a 429 for its Retry-After, then delivers', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 2 });
    await t.bot.outbox.deliver([{ card: 'list', data: { title: 'Board pack ready', intro: '', empty: '', items: [] }, to: { person: 'helen' } }]);
    await t.bot.outbox.idle();
    const tries = fake.of('chat.postMessage').filter((c) => c.body.channel === 'D000CHAIR');
    expect(tries).toHaveLength(2);
    // Two seconds, as Slack asked: longer than the outbox's own first back-off of one.
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(2000);
    const last = (await t.bot.store.deliveries()).at(-1)!;
    expect(last.state).toBe('sent');
  });

  it('stops posting to someone whose account is deactivated', async () => {
    fake.failNext('chat.postMessage', { error: 'account_inactive' });
    await t.bot.outbox.deliver([{ card: 'list', data: { title: 'Forum reminder', intro: '', empty: '', items: [] }, to: { person: 'rachel' } }]);
    await t.bot.outbox.idle();
    expect((await t.bot.store.deliveries()).at(-1)!.state).toBe('blocked');
    expect(t.bot.store.read().conversations.find((c) => c.key === 'slack:D00000HT1')!.blocked).toBe(true);
  });
});
