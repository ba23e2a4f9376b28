// Where the bot can post in Teams: a ConversationReference per conversation it was installed in (or
// spoken to), kept in store.conversations under `teams:<conversation id>`. Proactive sends and
// `reach` read them back; a tenant's serviceUrl is remembered from any of its activities.
import type { Activity, ConversationReference } from 'botbuilder';
import { TurnContext } from 'botbuilder';
import type { Conversation } from '../../store/schema';
import type { Store } from '../../store/store';
import { channelConversationId, conversationKey, kindOf, tenantOf } from './activity';

export interface TeamsConversations {
  /** Adds or refreshes the conversation of an activity; writes only when something changed. */
  remember(activity: Partial<Activity>, personId: string | undefined, now: Date): Promise<void>;
  /** Stores a conversation the bot created itself (a 1:1 chat opened by `reach`). */
  save(ref: Partial<ConversationReference>, personId: string | undefined, name: string | undefined, now: Date): Promise<Conversation>;
  forget(conversationId: string): Promise<void>;
  noteServiceUrl(activity: Partial<Activity>): void;
  /** A serviceUrl known for the tenant (from stored references first, then activities seen since start). */
  serviceUrlFor(tenantId: string): string | undefined;
  /** The tenant to open new chats in: the one most recently heard from (of the allowed ones). */
  defaultTenant(allowed: string[]): string | undefined;
}

export function teamsConversations(store: Store): TeamsConversations {
  const seen = new Map<string, string>();

  async function save(ref: Partial<ConversationReference>, personId: string | undefined, name: string | undefined, now: Date): Promise<Conversation> {
    const key = conversationKey(ref.conversation!.id);
    const record: Conversation = {
      key,
      platform: 'teams',
      kind: kindOf({ conversation: ref.conversation }),
      ...(personId ? { personId } : {}),
      ...(name ? { name } : {}),
      ref,
      blocked: false,
      updatedAt: now.toISOString(),
    };
    await store.transact((d) => {
      const i = d.conversations.findIndex((c) => c.key === key);
      if (i >= 0) d.conversations[i] = { ...record, personId: record.personId ?? d.conversations[i]!.personId };
      else d.conversations.push(record);
    });
    return record;
  }

  return {
    async remember(activity, personId, now) {
      const id = activity.conversation?.id;
      if (!id) return;
      const ref = TurnContext.getConversationReference(activity);
      // Proactive sends and new chats need the tenant on the reference; older activities carry it only in channelData.
      const tenantId = tenantOf(activity);
      ref.conversation = { ...ref.conversation!, id: channelConversationId(id), ...(tenantId && !ref.conversation?.tenantId ? { tenantId } : {}) };
      // Posts start new messages; they are not replies to whatever activity was stored last.
      delete ref.activityId;
      const existing = store.read().conversations.find((c) => c.key === conversationKey(id));
      const old = existing?.ref as Partial<ConversationReference> | undefined;
      // A person who writes again has unblocked the bot; a moved serviceUrl must be followed; a chat the bot
      // opened itself learns the person's Teams id (needed for card refresh) when they first write.
      const unchanged = old?.serviceUrl === ref.serviceUrl && (kindOf(activity) !== 'personal' || old?.user?.id === ref.user?.id);
      if (existing && !existing.blocked && unchanged && (existing.personId ?? undefined) === (personId ?? existing.personId)) return;
      await save(ref, personId, activity.conversation?.name, now);
    },
    save,
    async forget(conversationId) {
      const key = conversationKey(conversationId);
      await store.transact((d) => {
        d.conversations = d.conversations.filter((c) => c.key !== key);
        d.subscriptions = d.subscriptions.filter((s) => s.conversationKey !== key);
      });
    },
    noteServiceUrl(activity) {
      const tenant = tenantOf(activity);
      if (tenant && activity.serviceUrl) seen.set(tenant, activity.serviceUrl);
    },
    serviceUrlFor(tenantId) {
      const stored = teamsRefs(store)
        .filter((r) => r.conversation?.tenantId === tenantId && r.serviceUrl)
        .at(-1)?.serviceUrl;
      return stored ?? seen.get(tenantId);
    },
    defaultTenant(allowed) {
      const candidates = [...teamsRefs(store).map((r) => r.conversation?.tenantId), ...seen.keys()].filter(
        (t): t is string => Boolean(t) && (allowed.length === 0 || allowed.includes(t!)),
      );
      return candidates.at(-1) ?? allowed[0];
    },
  };
}

function teamsRefs(store: Store): Partial<ConversationReference>[] {
  return store
    .read()
    .conversations.filter((c) => c.platform === 'teams')
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))
    .map((c) => c.ref as Partial<ConversationReference>);
}
