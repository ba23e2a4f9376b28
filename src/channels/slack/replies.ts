// Showing an Outcome's replies on Slack: in place of the card the action came from (respond with
// replace_original, or chat.update), else through the payload's response_url, else as a message.
import type { webApi } from '@slack/bolt';
import type { Reply } from '../../app/command';
import { renderCard } from '../../cards/render';
import { cardToBlocks, type Block, type SlackMessage } from './blockkit';
import { LIMITS } from './limits';

type WebClient = webApi.WebClient;
export type Respond = (message: Record<string, unknown>) => Promise<unknown>;

export interface ReplyTarget {
  userId: string;
  /** Posts to the payload's response_url (slash commands, buttons, forms opened from a message). */
  respond?: Respond;
  /** Where the card acted on was, for chat.update; and where to post when there is no response_url. */
  channel?: string;
  ts?: string;
}

/** A response_url poster for a form's submission, which carries the URL of the message it came from. */
export function respondTo(url: string): Respond {
  return async (message) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message) });
    if (!res.ok) throw new Error(`response_url answered ${res.status}`);
    return res;
  };
}

export async function sendReplies(client: WebClient, target: ReplyTarget, replies: Reply[]): Promise<void> {
  // A response_url takes five posts: new cards are sent together, as few messages as the limits allow.
  const replacing = replies.filter((r) => r.replace).map((r) => ({ replace: true, msg: cardToBlocks(renderCard(r)) }));
  const adding = combine(replies.filter((r) => !r.replace).map((r) => cardToBlocks(renderCard(r)))).map((msg) => ({ replace: false, msg }));
  for (const { replace, msg } of [...replacing, ...adding]) {
    try {
      if (replace && target.respond) await target.respond({ ...msg, replace_original: true });
      else if (replace && target.channel && target.ts) await client.chat.update({ channel: target.channel, ts: target.ts, ...msg });
      else if (target.respond) await target.respond({ ...msg, response_type: 'ephemeral', replace_original: false });
      else await post(client, target, msg);
    } catch (e) {
      // An expired response_url (30 minutes, 5 uses) or a deleted message: say it as a new message instead.
      console.warn(`[slack] reply failed (${(e as Error).message}); posting instead`);
      await post(client, target, msg).catch((err) => console.error('[slack] could not post the reply:', (err as Error).message));
    }
  }
}

async function post(client: WebClient, target: ReplyTarget, msg: { text: string; blocks: unknown[] }): Promise<void> {
  let channel = target.channel;
  if (!channel) channel = (await client.conversations.open({ users: target.userId })).channel?.id;
  if (!channel) throw new Error('no channel to reply in');
  await client.chat.postMessage({ channel, text: msg.text, blocks: msg.blocks as never });
}

/**
 * Joins messages, a divider between, into as few as fit Slack's 50 blocks; buttons are renumbered
 * so that every action_id stays unique within its message. Pure.
 */
export function combine(messages: SlackMessage[], max: number = LIMITS.messageBlocks): SlackMessage[] {
  const out: SlackMessage[] = [];
  for (const m of messages) {
    const last = out.at(-1);
    if (last && last.blocks.length + 1 + m.blocks.length <= max) {
      last.blocks.push({ type: 'divider' }, ...m.blocks);
    } else out.push({ text: m.text, blocks: [...m.blocks] });
  }
  for (const m of out) {
    let n = 0;
    m.blocks = m.blocks.map((b): Block =>
      b.type === 'actions' ? { ...b, elements: (b.elements as Record<string, unknown>[]).map((e) => ({ ...e, action_id: `improve:${n++}` })) } : b,
    );
  }
  return out;
}
