// The fakes' platform checks: each refuses just past a documented limit and accepts the limit itself,
// so a fake neither hides a refusal nor invents one.
import { describe, expect, it } from 'vitest';
import { slackPayloadProblems, teamsActivityProblems } from '../fakes/platform-limits';

const CARD = 'application/vnd.microsoft.card.adaptive';

/** A Teams message whose JSON is exactly `bytes` long (UTF-8), padded with a multi-byte text. */
function activityOfBytes(bytes: number, version = '1.5') {
  const make = (text: string) => ({ type: 'message', attachments: [{ contentType: CARD, content: { type: 'AdaptiveCard', version, body: [{ type: 'TextBlock', text }] } }] });
  const base = Buffer.byteLength(JSON.stringify(make('')), 'utf8');
  const pounds = Math.floor((bytes - base) / 2); // '£' is two bytes in UTF-8
  const text = '£'.repeat(pounds) + 'x'.repeat(bytes - base - pounds * 2);
  const a = make(text);
  expect(Buffer.byteLength(JSON.stringify(a), 'utf8')).toBe(bytes);
  return a;
}

describe('teamsActivityProblems', () => {
  it('takes a message of exactly 28 KB (28,672 bytes, UTF-8) and refuses one byte more', () => {
    expect(teamsActivityProblems(activityOfBytes(28_672))).toEqual([]);
    expect(teamsActivityProblems(activityOfBytes(28_673)).join()).toMatch(/28673 bytes, over Teams' 28672/);
  });

  it('counts bytes, not characters', () => {
    // 20,000 characters of '£' are 40,000 bytes.
    const a = { type: 'message', text: '£'.repeat(20_000) };
    expect(JSON.stringify(a).length).toBeLessThan(28_672);
    expect(teamsActivityProblems(a)).not.toEqual([]);
  });

  it('refuses an Adaptive Card above schema 1.5, and a refresh for more than 60 users', () => {
    expect(teamsActivityProblems(activityOfBytes(2000, '1.6')).join()).toMatch(/1\.6 is above Teams' 1\.5/);
    const refresh = (n: number) => ({
      type: 'message',
      attachments: [{ contentType: CARD, content: { type: 'AdaptiveCard', version: '1.5', refresh: { action: { type: 'Action.Execute', verb: 'x' }, userIds: Array.from({ length: n }, (_, i) => `29:${i}`) } } }],
    });
    expect(teamsActivityProblems(refresh(60))).toEqual([]);
    expect(teamsActivityProblems(refresh(61))).not.toEqual([]);
  });
});

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const button = (text: string, value: string, action_id: string) => ({ type: 'button', text: { type: 'plain_text', text }, value, action_id });
const option = (text: string, value: string) => ({ text: { type: 'plain_text', text }, value });

describe('slackPayloadProblems', () => {
  it('takes 50 blocks in a message and 100 in a modal or Home tab, not one more', () => {
    const blocks = (n: number) => Array.from({ length: n }, () => ({ type: 'divider' }));
    const modal = (n: number) => ({ type: 'modal', title: { type: 'plain_text', text: 'Risk round' }, blocks: blocks(n) });
    expect(slackPayloadProblems({ text: 't', blocks: blocks(50) }, 'message')).toEqual([]);
    expect(slackPayloadProblems({ text: 't', blocks: blocks(51) }, 'message')).toEqual(['51 blocks, over 50 for a message']);
    expect(slackPayloadProblems(modal(100), 'modal')).toEqual([]);
    expect(slackPayloadProblems(modal(101), 'modal')).toEqual(['101 blocks, over 100 for a modal']);
    expect(slackPayloadProblems({ blocks: blocks(101) }, 'home')).toEqual(['101 blocks, over 100 for a home']);
  });

  it('takes a section of 3000 characters and 10 fields of 2000; refuses more, and an empty text', () => {
    const field = (n: number) => ({ type: 'mrkdwn', text: 'f'.repeat(n) });
    const ok = { blocks: [section('s'.repeat(3000)), { type: 'section', fields: Array.from({ length: 10 }, () => field(2000)) }] };
    expect(slackPayloadProblems(ok, 'message')).toEqual([]);
    expect(slackPayloadProblems({ blocks: [section('s'.repeat(3001))] }, 'message')).toEqual(['/blocks/0/text.text is 3001 characters, over 3000']);
    expect(slackPayloadProblems({ blocks: [{ type: 'section', fields: Array.from({ length: 11 }, () => field(1)) }] }, 'message')).toEqual(['/blocks/0/fields has 11, over 10']);
    expect(slackPayloadProblems({ blocks: [{ type: 'section', fields: [field(2001)] }] }, 'message')).toHaveLength(1);
    expect(slackPayloadProblems({ blocks: [section('')] }, 'message')).toEqual(['/blocks/0/text.text is empty']);
  });

  it('takes a button of 75 characters with a value of 2,000; refuses 76 or 2,001', () => {
    const actions = (...elements: unknown[]) => ({ blocks: [{ type: 'actions', elements }] });
    expect(slackPayloadProblems(actions(button('b'.repeat(75), 'v'.repeat(2000), 'a1')), 'message')).toEqual([]);
    expect(slackPayloadProblems(actions(button('b'.repeat(76), 'v', 'a1')), 'message')).toEqual(['/blocks/0/elements/0/text.text is 76 characters, over 75']);
    expect(slackPayloadProblems(actions(button('b', 'v'.repeat(2001), 'a1')), 'message')).toEqual(['/blocks/0/elements/0/value is 2001 characters, over 2000']);
    expect(slackPayloadProblems(actions(...Array.from({ length: 26 }, (_, i) => button('b', 'v', `a${i}`))), 'message')).toEqual(['/blocks/0/elements has 26, over 25']);
  });

  it('refuses an action_id or block_id over 255 characters or repeated within the payload', () => {
    expect(slackPayloadProblems({ blocks: [{ type: 'actions', block_id: 'x'.repeat(255), elements: [button('b', 'v', 'a'.repeat(255))] }] }, 'message')).toEqual([]);
    expect(slackPayloadProblems({ blocks: [{ type: 'actions', elements: [button('b', 'v', 'a'.repeat(256))] }] }, 'message')).toHaveLength(1);
    const twice = { blocks: [{ type: 'actions', elements: [button('b', 'v', 'go')] }, { type: 'actions', elements: [button('c', 'v', 'go')] }] };
    expect(slackPayloadProblems(twice, 'message')).toEqual(['/blocks/1/elements/0/action_id repeats the action_id "go"']);
    expect(slackPayloadProblems({ blocks: [{ ...section('a'), block_id: 'b1' }, { ...section('b'), block_id: 'b1' }] }, 'message')).toHaveLength(1);
  });

  it('takes a static select of 100 options (text 75, value 150) and radio buttons of 10; refuses more', () => {
    const select = (options: unknown[]) => ({ blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Pick' }, accessory: { type: 'static_select', action_id: 's', options } }] });
    const opts = (n: number) => Array.from({ length: n }, (_, i) => option(`School ${i}`, `s${i}`));
    expect(slackPayloadProblems(select(opts(100)), 'message')).toEqual([]);
    expect(slackPayloadProblems(select(opts(101)), 'message')).toEqual(['/blocks/0/accessory/options has 101, over 100']);
    expect(slackPayloadProblems(select([option('o'.repeat(75), 'v'.repeat(150))]), 'message')).toEqual([]);
    expect(slackPayloadProblems(select([option('o'.repeat(76), 'v'.repeat(151))]), 'message')).toHaveLength(2);
    const radio = (n: number) => ({ type: 'modal', title: { type: 'plain_text', text: 'Q' }, blocks: [{ type: 'input', label: { type: 'plain_text', text: 'Q' }, element: { type: 'radio_buttons', action_id: 'r', options: opts(n) } }] });
    expect(slackPayloadProblems(radio(10), 'modal')).toEqual([]);
    expect(slackPayloadProblems(radio(11), 'modal')).toEqual(['/blocks/0/element/options has 11, over 10']);
  });

  it('takes a header of 150, a context of 10 elements, a modal title of 24 and message text of 40,000; refuses more', () => {
    const header = (n: number) => ({ blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(n) } }] });
    expect(slackPayloadProblems(header(150), 'message')).toEqual([]);
    expect(slackPayloadProblems(header(151), 'message')).toHaveLength(1);
    const context = (n: number) => ({ blocks: [{ type: 'context', elements: Array.from({ length: n }, () => ({ type: 'mrkdwn', text: 'c' })) }] });
    expect(slackPayloadProblems(context(10), 'message')).toEqual([]);
    expect(slackPayloadProblems(context(11), 'message')).toHaveLength(1);
    const modal = (title: string) => ({ type: 'modal', title: { type: 'plain_text', text: title }, blocks: [section('x')] });
    expect(slackPayloadProblems(modal('t'.repeat(24)), 'modal')).toEqual([]);
    expect(slackPayloadProblems(modal('t'.repeat(25)), 'modal')).toEqual(['/title.text is 25 characters, over 24']);
    expect(slackPayloadProblems({ text: 't'.repeat(40_000) }, 'message')).toEqual([]);
    expect(slackPayloadProblems({ text: 't'.repeat(40_001) }, 'message')).toEqual(['text is 40001 characters, over 40000']);
  });
});

describe('the fakes answer as the platforms do', () => {
  it('Teams connector: 413 MessageSizeTooBig over 28 KB, 429 with Retry-After past 7 messages a second', async () => {
    const { startFakeConnector } = await import('../fakes/teams-connector');
    const fake = await startFakeConnector();
    try {
      const post = (body: unknown, conv = 'a:one') =>
        fetch(`${fake.url}v3/conversations/${encodeURIComponent(conv)}/activities`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const big = await post(activityOfBytes(28_673), 'a:big');
      expect(big.status).toBe(413);
      expect(await big.json()).toMatchObject({ error: { code: 'MessageSizeTooBig' } });
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await post({ type: 'message', text: `m${i}` })).status);
      expect(statuses).toEqual([201, 201, 201, 201, 201, 201, 201, 429]);
      const refused = fake.requests.at(-1)!;
      expect(refused.status).toBe(429);
      expect(Number((await post({ type: 'message', text: 'again' })).headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      // Another conversation has its own allowance.
      expect((await post({ type: 'message', text: 'x' }, 'a:two')).status).toBe(201);
    } finally {
      await fake.close();
    }
  });

  it('Slack API: invalid_blocks for a payload over a limit (response_url: HTTP 400), 429 past a channel’s burst', async () => {
    const { startFakeSlack } = await import('../fakes/slack-api');
    const fake = await startFakeSlack({});
    try {
      const call = (method: string, body: unknown) => fetch(`${fake.url}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const tooMany = Array.from({ length: 51 }, () => ({ type: 'divider' }));
      expect(await (await call('chat.postMessage', { channel: 'C1', text: 't', blocks: tooMany })).json()).toMatchObject({ ok: false, error: 'invalid_blocks', errors: ['51 blocks, over 50 for a message'] });
      const view = { type: 'modal', title: { type: 'plain_text', text: 't'.repeat(25) }, blocks: [section('x')] };
      expect(await (await call('views.open', { trigger_id: '1', view })).json()).toMatchObject({ ok: false, error: 'invalid_blocks' });
      const respond = await fetch(fake.responseUrl('r1'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ blocks: [section('s'.repeat(3001))] }) });
      expect([respond.status, await respond.text()]).toEqual([400, 'invalid_blocks']);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await call('chat.postMessage', { channel: 'C2', text: `m${i}` })).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect((await call('chat.postMessage', { channel: 'C3', text: 'other channel' })).status).toBe(200);
    } finally {
      await fake.close();
    }
  });
});
