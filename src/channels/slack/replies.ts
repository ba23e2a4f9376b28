// Showing an Outcome's replies on Slack: in place of the card the action came from (respond with
// replace_original, or chat.update), else through the payload's response_url, else as a message.
// The forms a message's buttons refer to are stored first; a message Slack refuses is replaced by a
// short one saying so and what to type.
import type { webApi } from '@slack/bolt';
import type { Reply } from '../../app/command';
import { renderCard } from '../../cards/render';
import type { SlackFormStore } from '../../store/slack-forms';
import { cardToBlocks, type Block, type SlackMessage } from './blockkit';
import { LIMITS } from './limits';
import { logRefusal, refusalOf, refusedMessage, ResponseUrlError } from './refusals';

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

/** A message as sent, with the card templates it was made from (for the log when Slack refuses it). */
export type Outgoing = SlackMessage & { view: string };

/** A response_url poster that reads Slack's answer: a refusal comes back as an error naming it. */
export function respondTo(url: string): Respond {
  return async (message) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message) });
    const body = (await res.text().catch(() => '')).trim();
    let error: string | undefined;
    try {
      const parsed = JSON.parse(body) as { ok?: boolean; error?: string };
      if (parsed && parsed.ok === false) error = parsed.error ?? 'unknown_error';
    } catch {
      // Like an incoming webhook, a response_url answers in plain text: "ok", or an error code.
      if (!res.ok && /^[a-z_]{3,60}$/.test(body)) error = body;
    }
    if (!res.ok || error) throw new ResponseUrlError(res.status, error);
    return res;
  };
}

export function toOutgoing(r: Reply): Outgoing {
  return { ...cardToBlocks(renderCard(r)), view: r.card };
}

export async function sendReplies(client: WebClient, forms: SlackFormStore, target: ReplyTarget, replies: Reply[]): Promise<void> {
  // A response_url takes five posts: new cards are sent together, as few messages as the limits allow.
  const replacing = replies.filter((r) => r.replace).map((r) => ({ replace: true, msg: toOutgoing(r) }));
  const adding = combine(replies.filter((r) => !r.replace).map(toOutgoing)).map((msg) => ({ replace: false, msg }));
  for (const { replace, msg } of [...replacing, ...adding]) {
    // The forms its buttons open are on disk before anyone can click them.
    await forms.save(msg.forms);
    const body = { text: msg.text, blocks: msg.blocks };
    try {
      if (replace && target.respond) await target.respond({ ...body, replace_original: true });
      else if (replace && target.channel && target.ts) await client.chat.update({ channel: target.channel, ts: target.ts, ...body } as never);
      else if (target.respond) await target.respond({ ...body, response_type: 'ephemeral', replace_original: false });
      else await post(client, target, body);
    } catch (e) {
      const reason = refusalOf(e);
      if (reason) {
        await sayRefused(client, target, msg, reason);
        continue;
      }
      // An expired response_url (30 minutes, 5 uses) or a deleted message: say it as a new message instead.
      console.warn(`[slack] reply failed (${(e as Error).message}); posting instead`);
      try {
        await post(client, target, body);
      } catch (err) {
        const again = refusalOf(err);
        if (again) await sayRefused(client, target, msg, again);
        else console.error('[slack] could not post the reply:', (err as Error).message);
      }
    }
  }
}

/** Logs a refused reply and tells the person, the way the reply would have reached them. */
async function sayRefused(client: WebClient, target: ReplyTarget, msg: Outgoing, reason: string): Promise<void> {
  logRefusal('reply', msg.view, msg, reason);
  const notice = refusedMessage(msg.view, reason, 'reply');
  try {
    if (target.respond) await target.respond({ ...notice, response_type: 'ephemeral', replace_original: false });
    else await post(client, target, notice);
  } catch {
    await post(client, target, notice).catch((err) => console.error('[slack] could not say that a reply was refused:', (err as Error).message));
  }
}

/** Posts a message where the reply belongs: the channel it came from, else a DM. */
export async function post(client: WebClient, target: ReplyTarget, msg: { text: string; blocks: unknown[] }): Promise<void> {
  let channel = target.channel;
  if (!channel) channel = (await client.conversations.open({ users: target.userId })).channel?.id;
  if (!channel) throw new Error('no channel to reply in');
  await client.chat.postMessage({ channel, text: msg.text, blocks: msg.blocks as never });
}

/**
 * Joins messages, a divider between, into as few as fit Slack's 50 blocks; buttons are renumbered
 * so that every action_id stays unique within its message. Pure.
 */
export function combine<M extends SlackMessage & { view?: string }>(messages: M[], max: number = LIMITS.messageBlocks): M[] {
  const out: M[] = [];
  for (const m of messages) {
    const last = out.at(-1);
    if (last && last.blocks.length + 1 + m.blocks.length <= max) {
      last.blocks.push({ type: 'divider' }, ...m.blocks);
      last.forms.push(...m.forms.filter((f) => !last.forms.some((x) => x.ref === f.ref)));
      if (m.view !== undefined && !last.view?.split('+').includes(m.view)) last.view = `${last.view}+${m.view}`;
    } else out.push({ ...m, blocks: [...m.blocks], forms: [...m.forms] });
  }
  for (const m of out) {
    let n = 0;
    m.blocks = m.blocks.map((b): Block =>
      b.type === 'actions' ? { ...b, elements: (b.elements as Record<string, unknown>[]).map((e) => ({ ...e, action_id: `improve:${n++}` })) } : b,
    );
  }
  return out;
}
