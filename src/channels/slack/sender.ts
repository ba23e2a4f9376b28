// The outbox's way into Slack: post (chat.postMessage), update (chat.update) and open a DM with
// someone (conversations.open). Slack's errors become DeliveryErrors the outbox knows what to do with;
// a card Slack refuses (invalid_blocks, msg_too_long) is replaced by a short message saying what to type.
import type { webApi } from '@slack/bolt';
import type { View } from '../../app/command';
import type { AdaptiveCard } from '../../cards/render';
import type { Person } from '../../domain';
import { DeliveryError, type Sender } from '../../delivery/sender';
import type { Conversation } from '../../store/schema';
import type { SlackFormStore } from '../../store/slack-forms';
import type { Store } from '../../store/store';
import { cardToBlocks, type SlackMessage } from './blockkit';
import { logRefusal, refusalOf, refusedMessage } from './refusals';

type WebClient = webApi.WebClient;

/**
 * Slack errors that mean "this conversation is gone for us": stop trying, mark it blocked. App-wide
 * errors (invalid_auth, missing_scope) are not here: they are the operator's to fix, not the person's.
 */
const BLOCKED = new Set([
  'account_inactive',
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'user_not_found',
  'user_disabled',
  'cannot_dm_bot',
  'restricted_action',
]);

/** Slack's messageId for the outbox: `channel|ts`, everything chat.update needs. */
export const messageIdOf = (channel: string, ts: string) => `${channel}|${ts}`;

export function createSlackSender(client: WebClient, store: Store, forms: SlackFormStore, now: () => Date): Sender {
  const channelOf = (conv: Conversation) => (conv.ref as { channel?: string } | null)?.channel ?? conv.key.replace(/^slack:/, '');
  /** The card as Slack blocks, its buttons' forms stored first. */
  const prepare = async (card: AdaptiveCard): Promise<SlackMessage> => {
    const msg = cardToBlocks(card);
    await forms.save(msg.forms);
    return msg;
  };
  /** Sends a card; when Slack refuses it, logs that and sends the short message in its place. */
  const sendOrSayRefused = async <T>(view: View, msg: SlackMessage, send: (m: { text: string; blocks: unknown[] }) => Promise<T>): Promise<T> => {
    try {
      return await send({ text: msg.text, blocks: msg.blocks });
    } catch (e) {
      const reason = refusalOf(e);
      if (!reason) throw e;
      logRefusal('notification', view.card, msg, reason);
      return send(refusedMessage(view.card, reason, 'notification'));
    }
  };
  return {
    platform: 'slack',
    // chat.postMessage allows about one message a second per channel.
    minGapMs: 1000,
    async post(conv, view: View, card: AdaptiveCard, deliveryId?: string) {
      const channel = channelOf(conv);
      const msg = await prepare(card);
      const metadata = deliveryId ? { event_type: DELIVERY_EVENT, event_payload: { delivery: deliveryId } } : undefined;
      const res = await call(() => sendOrSayRefused(view, msg, (m) => client.chat.postMessage({ channel, text: m.text, blocks: m.blocks as never, ...(metadata ? { metadata } : {}) })));
      return { messageId: messageIdOf(res.channel ?? channel, res.ts!) };
    },
    async wasPosted(conv, deliveryId) {
      const channel = channelOf(conv);
      // The bot's latest messages there: a send cut short is among the newest.
      const res = await call(() => client.conversations.history({ channel, limit: 100, include_all_metadata: true }));
      const found = res.messages?.find((m) => m.metadata?.event_type === DELIVERY_EVENT && (m.metadata.event_payload as { delivery?: unknown } | undefined)?.delivery === deliveryId);
      return found?.ts ? { messageId: messageIdOf(channel, found.ts) } : undefined;
    },
    async update(_conv, messageId, view, card) {
      const [channel, ts] = messageId.split('|');
      const msg = await prepare(card);
      await call(() => sendOrSayRefused(view, msg, (m) => client.chat.update({ channel: channel!, ts: ts!, text: m.text, blocks: m.blocks as never })));
    },
    async reach(person: Person) {
      const user = person.slackUserId ?? (await call(() => client.users.lookupByEmail({ email: person.email })).catch(() => undefined))?.user?.id;
      if (!user) return undefined;
      const res = await call(() => client.conversations.open({ users: user }));
      const channel = res.channel?.id;
      if (!channel) return undefined;
      const conv: Conversation = { key: `slack:${channel}`, platform: 'slack', kind: 'personal', personId: person.id, name: person.name, ref: { channel }, blocked: false, updatedAt: now().toISOString() };
      await store.transact((d) => {
        d.conversations = [...d.conversations.filter((c) => c.key !== conv.key), conv];
      });
      return conv;
    },
  };
}


/** Slack message metadata naming the delivery a message carries (read back after a crash). */
const DELIVERY_EVENT = 'improvement_bot_delivery';

/** Runs a Web API call, turning Slack's errors into DeliveryErrors. */
async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toDeliveryError(e);
  }
}

export function toDeliveryError(e: unknown): DeliveryError {
  const err = e as { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number; message?: string };
  if (err.code === 'slack_webapi_rate_limited_error') return new DeliveryError('rate-limited', 'Slack rate limit', (err.retryAfter ?? 1) * 1000);
  const code = err.data?.error;
  if (code === 'ratelimited') return new DeliveryError('rate-limited', 'Slack rate limit', 1000);
  if (code && BLOCKED.has(code)) return new DeliveryError('blocked', `Slack: ${code}`);
  return new DeliveryError('failed', code ? `Slack: ${code}` : (err.message ?? 'Slack call failed'));
}
