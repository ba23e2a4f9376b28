// Mounts a second Teams channel on its own server beside a test bot (same store, dispatcher and
// outbox), built with options the environment cannot give: outgoing calls signed with a fixed test
// token instead of Entra ID's (which no test can reach), or a short wait for signing keys.
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Channel } from '../../src/channels/channel';
import { createTeamsChannel, type TeamsChannelOptions } from '../../src/channels/teams/channel';
import { loadConfig } from '../../src/config';
import { startServer, type Server } from '../../src/server';
import type { TestBot } from './bot';

/** Signs every call to the connector with `Bearer <token>`, for any app id. */
export function fixedTokenCredentials(appId: string, token: string): ServiceClientCredentialsFactory {
  return {
    isValidAppId: async (id: string) => id === appId,
    isAuthenticationDisabled: async () => false,
    createCredentials: async () => ({
      signRequest: async (webResource: { headers: { set(name: string, value: string): void } }) => {
        webResource.headers.set('authorization', `Bearer ${token}`);
        return webResource;
      },
    }),
  } as unknown as ServiceClientCredentialsFactory;
}

export async function mountTeams(t: TestBot, env: Record<string, string>, opts: TeamsChannelOptions): Promise<Server & { channel: Channel }> {
  const config = loadConfig({ DATA_DIR: t.dataDir, PORT: '0', NODE_ENV: 'test', ...env });
  const deps = { config, store: t.bot.store, dispatcher: t.bot.dispatcher, outbox: t.bot.outbox, scheduler: () => t.bot.scheduler, now: () => t.clock.now };
  const channel = createTeamsChannel(deps, opts);
  const server = await startServer({ host: '127.0.0.1', port: 0, routes: channel.routes, ready: () => true });
  return { ...server, channel };
}
