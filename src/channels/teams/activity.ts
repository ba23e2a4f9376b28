// Pure reading of Teams activities: tenant, conversation kind, command words. No SDK calls here.
import type { Activity } from 'botbuilder';
import type { Where } from '../../app/command';

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** The Microsoft tenant an activity comes from (Teams puts it in channelData; newer activities also on the conversation). */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  if (typeof fromChannelData === 'string' && fromChannelData) return fromChannelData;
  const fromConversation = activity.conversation?.tenantId;
  return typeof fromConversation === 'string' && fromConversation ? fromConversation : undefined;
}

/** A channel thread's id is the channel's plus `;messageid=…`: the channel itself is the conversation. */
export const channelConversationId = (conversationId: string) => conversationId.split(';messageid=')[0]!;

export const conversationKey = (conversationId: string) => `teams:${channelConversationId(conversationId)}`;

export function kindOf(activity: Partial<Activity>): Where['kind'] {
  const type = activity.conversation?.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat' || activity.conversation?.isGroup) return 'group';
  return 'personal';
}

export function whereOf(activity: Partial<Activity>): Where {
  return { platform: 'teams', conversationKey: conversationKey(activity.conversation?.id ?? ''), kind: kindOf(activity) };
}

/**
 * A message's command words, with the bot's @mention removed (Teams sends `<at>Bot</at> risk open`),
 * a slash trigger's leading `/` dropped and HTML entities Teams adds (`&nbsp;`) treated as spaces.
 */
export function commandWords(text: string): { name: string; args: string[] } {
  const cleaned = text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .trim()
    .replace(/^\//, '');
  const [name = '', ...args] = cleaned.split(/\s+/).filter(Boolean);
  return { name, args };
}

/** Universal Actions: `adaptiveCard/action` invokes carry `{ action: { verb, data }, trigger }`. */
export interface CardActionValue {
  verb: string;
  data: Record<string, unknown>;
  /** 'automatic' for a card's refresh, 'manual' for a click. */
  trigger: 'automatic' | 'manual';
}

export function cardActionOf(activity: Partial<Activity>): CardActionValue | undefined {
  if (activity.type !== 'invoke' || activity.name !== 'adaptiveCard/action') return undefined;
  const value = activity.value as { action?: { verb?: unknown; data?: unknown }; trigger?: unknown } | undefined;
  const verb = value?.action?.verb;
  if (typeof verb !== 'string' || !verb) return undefined;
  const data = value?.action?.data;
  return {
    verb,
    data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {},
    trigger: value?.trigger === 'automatic' ? 'automatic' : 'manual',
  };
}
