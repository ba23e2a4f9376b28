// The demo trust on Slack for the scheduler tests: a fake Slack Web API on 127.0.0.1 that keeps every
// message the bot posts (across restarts of the bot, and across bots sharing one database), and
// bots started on it with the scheduler armed and a clock the test sets.
import { DEMO_PEOPLE } from '../../src/seed/demo-people';
import { startFakeSlack, type FakeSlack, type SlackCall } from '../fakes/slack-api';
import { startTestBot, type TestBot } from './bot';
import { SIGNING_SECRET, slashCommand } from './slack-requests';

/** The demo people who have Slack ids, as the fake's directory (id → email). */
export const DEMO_SLACK_USERS = Object.fromEntries(DEMO_PEOPLE.flatMap((p) => (p.slackUserId ? [[p.slackUserId, p.email]] : [])));

export function startSlack(): Promise<FakeSlack> {
  // Slack's per-channel pace is tested elsewhere; here it would only slow the daily run's fan-out.
  return startFakeSlack(DEMO_SLACK_USERS, { rateLimits: false });
}

/** A bot on `dataDir` (and DATABASE_URL, if given) posting to the fake, its scheduler armed at `now` (unless `scheduler` is false). */
export function startSlackBot(slack: FakeSlack, dataDir: string, now: string, env: Record<string, string> = {}, scheduler = true): Promise<TestBot> {
  return startTestBot({
    dataDir,
    now,
    env: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${slack.url}/api/`, ...env },
    boot: { scheduler },
  });
}

let seq = 0;
/** Types `/improve <text>` in a Slack channel and waits for the answer. */
export async function slash(slack: FakeSlack, bot: TestBot, user: string, text: string, channel: string): Promise<string> {
  const id = `cmd-${++seq}`;
  await slashCommand(bot.url, { user, text, channel, responseUrl: slack.responseUrl(id) });
  await slack.waitFor((calls) => calls.some((c) => c.method === 'respond' && c.body.responseUrlId === id), 30_000);
  return JSON.stringify(slack.of('respond').find((c) => c.body.responseUrlId === id)!.body);
}

/** Messages posted to a Slack channel (or DM) whose text or blocks match. */
export function postsTo(slack: FakeSlack, channel: string, match: RegExp): SlackCall[] {
  return slack.of('chat.postMessage').filter((c) => c.body.channel === channel && !c.refused && match.test(JSON.stringify(c.body)));
}
