// Who a Slack user is to the trust: matched by Slack user id, else by the email on their Slack
// profile (users.info, needs users:read.email). Also remembers the conversations the bot learns of.
import type { webApi } from '@slack/bolt';
import type { Actor, Where } from '../../app/command';
import type { Store } from '../../store/store';

type WebClient = webApi.WebClient;

const PROFILE_TTL_MS = 10 * 60_000;

export interface Identity {
  actor(userId: string, name?: string): Promise<Actor>;
  /** Stores a conversation as `slack:<channel id>` (once; later only if something changed). */
  remember(channel: string, userId: string, kind: Where['kind'], name?: string): Promise<Where>;
}

export function createIdentity(client: WebClient, store: Store, now: () => Date): Identity {
  const profiles = new Map<string, { at: number; email?: string; name?: string }>();

  async function profile(userId: string) {
    const hit = profiles.get(userId);
    if (hit && Date.now() - hit.at < PROFILE_TTL_MS) return hit;
    try {
      const res = await client.users.info({ user: userId });
      const p = { at: Date.now(), email: res.user?.profile?.email, name: res.user?.real_name ?? res.user?.name };
      profiles.set(userId, p);
      return p;
    } catch (e) {
      // Without a profile the person is unknown and told so politely; nothing else breaks.
      console.warn(`[slack] users.info for ${userId} failed: ${(e as Error).message}`);
      return { at: Date.now() };
    }
  }

  return {
    async actor(userId, name) {
      const known = store.read().people.some((p) => p.slackUserId === userId);
      if (known) return { platform: 'slack', userId, name };
      const p = await profile(userId);
      return { platform: 'slack', userId, email: p.email, name: name ?? p.name };
    },

    async remember(channel, userId, kind, name) {
      const key = `slack:${channel}`;
      const data = store.read();
      const email = kind === 'personal' && !data.people.some((p) => p.slackUserId === userId) ? (await profile(userId)).email : undefined;
      const personId = kind === 'personal' ? personFor(data.people, userId, email) : undefined;
      // A DM with someone the trust does not know is not kept: nothing is ever sent there.
      if (kind === 'personal' && !personId) return { platform: 'slack', conversationKey: key, kind };
      const existing = data.conversations.find((c) => c.key === key);
      const same = existing && existing.kind === kind && existing.personId === personId && !existing.blocked && (!name || existing.name === name);
      if (!same) {
        await store.transact((d) => {
          const rest = d.conversations.filter((c) => c.key !== key);
          rest.push({ key, platform: 'slack', kind, personId, name: name ?? existing?.name, ref: { channel }, blocked: false, updatedAt: now().toISOString() });
          d.conversations = rest;
        });
      }
      return { platform: 'slack', conversationKey: key, kind };
    },
  };
}

function personFor(people: readonly { id: string; slackUserId?: string; email: string }[], userId: string, email?: string): string | undefined {
  return (people.find((p) => p.slackUserId === userId) ?? (email ? people.find((p) => p.email.toLowerCase() === email.toLowerCase()) : undefined))?.id;
}

/** A channel id's kind: D… is a direct message with the bot, G… a group DM or private channel. */
export function kindOf(channel: string, channelName?: string): Where['kind'] {
  if (channel.startsWith('D') || channelName === 'directmessage') return 'personal';
  if (channelName === 'mpdm' || channelName?.startsWith('mpdm-')) return 'group';
  return 'channel';
}
