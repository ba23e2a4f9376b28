// Sending a command's replies into the conversation it came from, as Teams will take them: paced
// under the per-conversation limits, a 429 waited out, a card too large replaced by a short notice;
// and remembering posted cards that change later (approvals) so the outbox can update every copy.
import type { Activity, TurnContext } from 'botbuilder';
import type { Reply, View } from '../../app/command';
import type { AdaptiveCard } from '../../cards/render';
import type { Store } from '../../store/store';
import { cardMessage, subjectOf, teamsCard } from './cards';
import type { Pace } from './pace';
import { retryAfterMs, statusOf } from './refusals';
import { bytesOf, fitMessage, logTooLarge, tooLargeNotice, type Occasion } from './too-large';

/** 429s waited out here after the connector's own three retries; each wait at most this long. */
const OWN_RETRIES = 2;
const MAX_WAIT_MS = 10_000;

/**
 * Sends once the conversation's pace allows. A 429 that outlasted the connector's own retries is
 * waited out (Retry-After) up to `retries` more times before it is thrown.
 */
export async function paced<T>(pace: Pace, conversationId: string, send: () => Promise<T>, retries = OWN_RETRIES): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    await pace.take(conversationId);
    try {
      return await send();
    } catch (e) {
      if (statusOf(e) !== 429 || attempt >= retries) throw e;
      await new Promise((r) => setTimeout(r, Math.min(retryAfterMs(e), MAX_WAIT_MS)));
    }
  }
}

export interface CardSend {
  pace: Pace;
  conversationId: string;
  /** Posts one message and says its id. */
  post(message: Partial<Activity>): Promise<string | undefined>;
  occasion?: Occasion;
  retries?: number;
}

/**
 * Posts a view's card, or the too-large notice in its place (measured before sending, or after Teams
 * answered 413 all the same). Resolves to the posted card's id, and `refused` when the notice went instead.
 */
export async function postCard(view: View, card: AdaptiveCard, s: CardSend): Promise<{ id?: string; refused?: string }> {
  const occasion = s.occasion ?? 'reply';
  const fitted = fitMessage(view, card, occasion, s.conversationId);
  const send = (m: Partial<Activity>) => paced(s.pace, s.conversationId, () => s.post(m), s.retries);
  if (fitted.refusedBytes) {
    await send(fitted.message);
    return { refused: `view "${view.card}" is ${fitted.refusedBytes} bytes, too large for Teams (28 KB): sent a short notice instead` };
  }
  try {
    return { id: await send(fitted.message) };
  } catch (e) {
    if (statusOf(e) !== 413) throw e;
    const bytes = bytesOf(fitted.message);
    logTooLarge(view, bytes, s.conversationId, 'Teams answered 413');
    await send(cardMessage(tooLargeNotice(view, undefined, occasion)));
    return { refused: `Teams refused view "${view.card}" (about ${bytes} bytes) as too large (413): sent a short notice instead` };
  }
}

export interface ReplyDeps {
  store: Store;
  pace: Pace;
}

export async function sendReplies(context: TurnContext, replies: Reply[], deps: ReplyDeps, conversationKey: string): Promise<void> {
  const viewer = context.activity.from?.id ? [context.activity.from.id] : [];
  const conversationId = context.activity.conversation?.id ?? conversationKey;
  const post = async (m: Partial<Activity>) => (await context.sendActivity(m))?.id;
  for (const r of replies) {
    const sent = await postCard(r, teamsCard(r, deps.store.read(), viewer), { pace: deps.pace, conversationId, post });
    const subject = subjectOf(r);
    if (subject && sent.id) await rememberPosted(deps.store, subject, conversationKey, sent.id);
  }
}

export async function rememberPosted(store: Store, subject: string, conversationKey: string, messageId: string): Promise<void> {
  await store.transact((d) => {
    if (d.postedCards.some((p) => p.conversationKey === conversationKey && p.messageId === messageId)) return;
    d.postedCards.push({ subject, conversationKey, platform: 'teams', messageId });
  });
}
