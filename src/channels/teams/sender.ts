// The outbox's way into Teams: post and update cards through stored ConversationReferences, and
// open a 1:1 chat with someone the bot has not talked to yet (POST /v3/conversations in the tenant).
import type { Activity, CloudAdapter, ConversationParameters, ConversationReference } from 'botbuilder';
import { TurnContext } from 'botbuilder';
import type { View } from '../../app/command';
import { DeliveryError, type Sender } from '../../delivery/sender';
import type { Person } from '../../domain';
import type { Conversation } from '../../store/schema';
import type { Store } from '../../store/store';
import { cardMessage, teamsCard } from './cards';
import type { TeamsConversations } from './conversations';
import type { Pace } from './pace';
import { paced, postCard } from './replies';
import { errorSummary } from './error-summary';
import { retryAfterMs, statusOf } from './refusals';
import { bytesOf, fitMessage, logTooLarge, tooLargeNotice } from './too-large';

export interface TeamsSenderDeps {
  adapter: CloudAdapter;
  appId: string;
  store: Store;
  conversations: TeamsConversations;
  allowedTenantIds: string[];
  now: () => Date;
  pace: Pace;
}

/**
 * Teams allows a bot 7 messages/1 s, 8/2 s and 60/30 s per conversation: one every 500 ms stays under
 * all three. The pace shared with replies in a turn keeps the two together under them too; the hourly
 * 1800 is left to the 429 handling (Retry-After), as bursts that long do not happen.
 */
const MIN_GAP_MS = 500;

export function teamsSender(deps: TeamsSenderDeps): Sender {
  const { adapter, appId, store } = deps;

  async function inConversation(conv: Conversation, fn: (context: TurnContext) => Promise<void>, op: 'post' | 'update'): Promise<void> {
    const ref = conv.ref as Partial<ConversationReference>;
    try {
      await adapter.continueConversationAsync(appId, ref, fn);
    } catch (e) {
      // A message deleted since it was posted has nothing left to update; the conversation is fine.
      if (op === 'update' && (e as { statusCode?: number }).statusCode === 404) return;
      throw deliveryError(e);
    }
  }

  return {
    platform: 'teams',
    minGapMs: MIN_GAP_MS,
    async post(conv, view: View) {
      let sent: { id?: string; refused?: string } = {};
      await inConversation(conv, async (context) => {
        // The outbox waits out a 429 itself (and keeps the send in its log meanwhile): no retries here.
        const s = { pace: deps.pace, conversationId: conversationIdOf(conv), post: (m: Partial<Activity>) => postNew(context, m), occasion: 'notification' as const, retries: 0 };
        sent = await postCard(view, teamsCard(view, store.read()), s);
      }, 'post');
      // The person has the short notice; the notification itself is failed, and retrying cannot make it fit.
      if (sent.refused) throw new DeliveryError('refused', sent.refused);
      return { messageId: sent.id ?? '' };
    },
    async update(conv, messageId, view: View) {
      const conversationId = conversationIdOf(conv);
      let refused: string | undefined;
      await inConversation(conv, async (context) => {
        const update = (m: Partial<Activity>) => paced(deps.pace, conversationId, () => context.updateActivity({ ...m, id: messageId }), 0);
        const fitted = fitMessage(view, teamsCard(view, store.read()), 'notification', conversationId);
        if (fitted.refusedBytes) refused = `view "${view.card}" is ${fitted.refusedBytes} bytes, too large for Teams (28 KB): updated with a short notice instead`;
        try {
          await update(fitted.message);
        } catch (e) {
          if (statusOf(e) !== 413 || refused) throw e;
          logTooLarge(view, bytesOf(fitted.message), conversationId, 'Teams answered 413');
          refused = `Teams refused view "${view.card}" as too large (413): updated with a short notice instead`;
          await update(cardMessage(tooLargeNotice(view, undefined, 'notification')));
        }
      }, 'update');
      if (refused) throw new DeliveryError('refused', refused);
    },
    async reach(person: Person) {
      if (!person.teamsAadObjectId) return undefined;
      const tenantId = deps.conversations.defaultTenant(deps.allowedTenantIds);
      const serviceUrl = tenantId && deps.conversations.serviceUrlFor(tenantId);
      if (!tenantId || !serviceUrl) return undefined;
      const params: ConversationParameters = {
        isGroup: false,
        bot: { id: appId ? `28:${appId}` : 'improvement-bot', name: 'Improvement Bot' },
        members: [{ id: person.teamsAadObjectId, name: person.name }],
        tenantId,
        channelData: { tenant: { id: tenantId } },
      } as ConversationParameters;
      let created: Conversation | undefined;
      try {
        await adapter.createConversationAsync(appId, 'msteams', serviceUrl, '', params, async (context) => {
          const ref = TurnContext.getConversationReference(context.activity);
          ref.conversation = { ...ref.conversation!, conversationType: 'personal', tenantId };
          ref.user = { id: person.teamsAadObjectId!, name: person.name, aadObjectId: person.teamsAadObjectId } as ConversationReference['user'];
          created = await deps.conversations.save(ref, person.id, person.name, deps.now());
        });
      } catch (e) {
        throw deliveryError(e);
      }
      return created;
    },
  };
}

/**
 * Posts a new message in a proactive turn's conversation. TurnContext.sendActivity would make it a
 * reply to the turn's made-up continuation id; in a channel that must be a new post instead.
 */
export async function postNew(context: TurnContext, message: Partial<Activity>): Promise<string> {
  const ref = TurnContext.getConversationReference(context.activity);
  const activity = TurnContext.applyConversationReference({ ...message }, { ...ref, activityId: undefined }) as Activity;
  // The turn's connector client (botframework-connector's ConnectorClient; only the call we use is typed here).
  const client = context.turnState.get<{ conversations: { sendToConversation(id: string, a: Activity): Promise<{ id?: string }> } }>(
    context.adapter.ConnectorClientKey,
  );
  const sent = await client.conversations.sendToConversation(activity.conversation.id, activity);
  return sent.id ?? '';
}

/** The connector's errors in the outbox's terms: 403/404 will not get better by retrying; 429 will, later. */
export function deliveryError(e: unknown): DeliveryError {
  if (e instanceof DeliveryError) return e;
  const status = statusOf(e);
  // Kept in the delivery log and printed by the outbox: status and code only, never the connector's text.
  const message = errorSummary(e);
  if (status === 403) return new DeliveryError('blocked', `Teams refused the message (403): ${message}`);
  if (status === 404) return new DeliveryError('blocked', `Teams no longer has this conversation (404): ${message}`);
  if (status === 413) return new DeliveryError('refused', `Teams refused the message as too large (413): ${message}`);
  if (status === 429) return new DeliveryError('rate-limited', `Teams rate limit (429): ${message}`, retryAfterMs(e));
  return new DeliveryError('failed', message);
}

const conversationIdOf = (conv: Conversation): string => (conv.ref as Partial<ConversationReference>).conversation?.id ?? conv.key;
