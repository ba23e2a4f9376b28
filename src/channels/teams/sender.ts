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

export interface TeamsSenderDeps {
  adapter: CloudAdapter;
  appId: string;
  store: Store;
  conversations: TeamsConversations;
  allowedTenantIds: string[];
  now: () => Date;
}

/**
 * Teams allows a bot 7 messages/1 s, 8/2 s and 60/30 s per conversation: one every 500 ms stays under
 * all three. The hourly 1800 is left to the 429 handling (Retry-After), as bursts that long do not happen.
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
      let messageId = '';
      await inConversation(conv, async (context) => {
        messageId = await postNew(context, cardMessage(teamsCard(view, store.read())));
      }, 'post');
      return { messageId };
    },
    async update(conv, messageId, view: View) {
      await inConversation(conv, async (context) => {
        await context.updateActivity({ ...cardMessage(teamsCard(view, store.read())), id: messageId });
      }, 'update');
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
  const err = e as { statusCode?: number; message?: string; response?: { headers?: { get?(name: string): string | undefined } } };
  const status = err.statusCode;
  const message = err.message ?? String(e);
  if (status === 403) return new DeliveryError('blocked', `Teams refused the message (403): ${message}`);
  if (status === 404) return new DeliveryError('blocked', `Teams no longer has this conversation (404): ${message}`);
  if (status === 429) return new DeliveryError('rate-limited', `Teams rate limit (429): ${message}`, retryAfterMs(err.response?.headers?.get?.('retry-after')));
  return new DeliveryError('failed', message);
}

function retryAfterMs(header: string | undefined): number {
  if (!header) return 1000;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : 1000;
}
