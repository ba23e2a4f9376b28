// The Microsoft Teams channel: POST /api/messages through botbuilder's CloudAdapter, and a Sender
// for the outbox. botbuilder is used only in this folder (a move to the Agents SDK stays here).
import type { Channel, ChannelDeps } from '../channel';
import { createAdapter } from './adapter';
import { teamsConversations } from './conversations';
import { processActivityRequest } from './http';
import { createPace } from './pace';
import { teamsSender } from './sender';
import { teamsTurn } from './turn';

export interface TeamsChannelOptions {
  /** How outgoing calls are signed, instead of Entra ID tokens for the app (tests). */
  credentials?: Parameters<typeof createAdapter>[1];
  /** How long fetching the token signing keys may take before an activity is answered 503. */
  keysTimeoutMs?: number;
}

export function createTeamsChannel(deps: ChannelDeps, opts: TeamsChannelOptions = {}): Channel {
  const { config, store } = deps;
  const teamsAuth = createAdapter(config.teams, opts.credentials);
  const { adapter } = teamsAuth;
  const appId = config.teams.appId ?? '';
  const conversations = teamsConversations(store);
  const pending = new Set<Promise<unknown>>();
  // One pace for every way into a conversation: replies, card-action follow-ups and the outbox.
  const pace = createPace();

  const onTurn = teamsTurn({
    store,
    dispatcher: deps.dispatcher,
    outbox: deps.outbox,
    conversations,
    allowedTenantIds: config.teams.allowedTenantIds,
    now: deps.now,
    pace,
    invoke: {
      continueIn: (ref, fn) => adapter.continueConversationAsync(appId, ref, fn),
      track(p) {
        pending.add(p);
        void p.finally(() => pending.delete(p));
      },
    },
  });

  const endpoint = { ...teamsAuth, appId: config.teams.appId, allowedTenantIds: config.teams.allowedTenantIds, keysTimeoutMs: opts.keysTimeoutMs };

  return {
    name: 'teams',
    routes: [{ method: 'POST', path: '/api/messages', handle: (req, res) => processActivityRequest(endpoint, req, res, onTurn) }],
    sender: teamsSender({ adapter, appId, store, conversations, allowedTenantIds: config.teams.allowedTenantIds, now: deps.now, pace }),
    async stop() {
      await Promise.allSettled([...pending]);
    },
  };
}
