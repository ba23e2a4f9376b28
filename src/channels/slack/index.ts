// The Slack channel: Bolt 5 on our one HTTP server (POST /slack/events, Bolt's own signature check)
// or over Socket Mode when SLACK_APP_TOKEN is set. Bolt stays inside src/channels/slack/.
import path from 'node:path';
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, webApi } from '@slack/bolt';
import { openSlackFormStore } from '../../store/slack-forms';
import { refuseStale } from './freshness';
import { registerHandlers } from './handlers';
import { createSlackSender } from './sender';
import { StartupError, type Channel, type ChannelDeps } from '../channel';

export const SLACK_EVENTS_PATH = '/slack/events';

export function createSlackChannel(deps: ChannelDeps): Channel {
  const cfg = deps.config.slack;
  if (!cfg) throw new Error('Slack is not configured');
  const slackApiUrl = cfg.apiUrl;
  const socketMode = Boolean(cfg.appToken);
  // Interactive calls retry a little; the outbox does its own retrying, so its client does not,
  // and hands 429s back (with Retry-After) instead of pausing every send behind one.
  const clientOptions = { ...(slackApiUrl ? { slackApiUrl } : {}), retryConfig: { retries: 2, minTimeout: 300, maxTimeout: 2_000 } };
  const http = socketMode ? undefined : new HTTPReceiver({ signingSecret: cfg.signingSecret!, endpoints: SLACK_EVENTS_PATH, logLevel: LogLevel.WARN });
  // Built here rather than by Bolt so that SLACK_API_URL reaches apps.connections.open too.
  const socket = socketMode ? new SocketModeReceiver({ appToken: cfg.appToken!, installerOptions: { clientOptions }, logLevel: LogLevel.WARN }) : undefined;
  const app = new App({
    token: cfg.botToken,
    receiver: http ?? socket,
    clientOptions,
    logLevel: LogLevel.WARN,
    // auth.test runs at start(), where a wrong token stops the bot with a clear line.
    deferInitialization: true,
  });
  app.error(async (e) => {
    console.error('[slack] listener failed:', e.message);
  });
  // The forms behind buttons, kept beside the store: a headteacher may click days later, after a restart.
  const forms = openSlackFormStore(path.join(deps.config.dataDir, 'slack-forms'));
  registerHandlers(app, deps, forms);
  const outboxClient = new webApi.WebClient(cfg.botToken, { ...(slackApiUrl ? { slackApiUrl } : {}), retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, logLevel: LogLevel.ERROR });

  return {
    name: 'slack',
    routes: http ? [{ method: 'POST', path: SLACK_EVENTS_PATH, handle: refuseStale((req, res) => http.requestListener(req, res)) }] : [],
    sender: createSlackSender(outboxClient, deps.store, forms, deps.now),
    async start() {
      try {
        await app.init();
      } catch (e) {
        // Bolt wraps the Web API's error; a refusal names the token, anything else is the network.
        const cause = ((e as { original?: unknown }).original ?? e) as { code?: string; data?: { error?: string }; message: string };
        if (cause.code === 'slack_webapi_platform_error') {
          throw new StartupError(`SLACK_BOT_TOKEN was refused by Slack (auth.test: ${cause.data?.error ?? cause.message})`);
        }
        throw new StartupError(`could not reach the Slack Web API${slackApiUrl ? ` at ${slackApiUrl}` : ''} to check SLACK_BOT_TOKEN (${cause.message})`);
      }
      if (socketMode) await app.start();
    },
    async stop() {
      if (socketMode) await app.stop();
    },
  };
}
