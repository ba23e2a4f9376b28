// A scheduled run missed while the bot was down is caught up once at the next start, and never again:
// each run claims its period in the database before it sends anything. Seen from Slack, as
// subscribers and headteachers would see it.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startScheduler, type SchedulerDeps } from '../../src/scheduler/scheduler';
import { JOBS } from '../../src/scheduler/jobs';
import type { FakeSlack } from '../fakes/slack-api';
import type { TestBot } from '../helpers/bot';
import { postsTo, slash, startSlack, startSlackBot } from '../helpers/slack-trust';
import { tempDirs } from '../helpers/scripts';

vi.setConfig({ testTimeout: 300_000 });

let slack: FakeSlack;
const temp = tempDirs('ibot-catch-up-');
beforeAll(async () => {
  slack = await startSlack();
});
afterAll(async () => {
  await slack?.close();
  await temp.cleanup();
});

const SUBSCRIBERS = ['C0000SLT', 'C000HEADS'];
const DIGEST = /Weekly SLT digest/;
const REMINDER = /Reminder: the risk meeting needs/;
/** The headteachers on Slack whose schools have not answered the round. */
const HEAD_DMS = ['D00000HT1', 'D00000HT2'];

it('sends the weekly digest missed while down once to every subscriber, and the day’s reminders once, however often it restarts', async () => {
  const dataDir = await temp.make();
  // Wednesday 18 November: the bot runs (its store notes the runs it has seen), the round opens,
  // two channels subscribe to the weekly digest. Then it is stopped over the weekend.
  const wed = await startSlackBot(slack, dataDir, '2026-11-18T10:00:00Z');
  try {
    expect(await slash(slack, wed, 'U0000DOSI', 'risk open', 'C0000SLT')).toContain('is open');
    for (const c of SUBSCRIBERS) expect(await slash(slack, wed, 'U0000DOSI', 'subscribe weekly', c)).toContain('Subscribed to the weekly SLT digest');
  } finally {
    await wed.stop();
  }
  expect(SUBSCRIBERS.flatMap((c) => postsTo(slack, c, DIGEST))).toEqual([]);

  // Monday 23 November, 09:00: down over the 07:00 digest and the 07:30 daily run (the round's 3rd school day).
  const mon = await startSlackBot(slack, dataDir, '2026-11-23T09:00:00Z');
  await mon.bot.outbox.idle();
  await mon.stop();
  for (const c of SUBSCRIBERS) expect(postsTo(slack, c, DIGEST), `digest in ${c}`).toHaveLength(1);
  for (const dm of HEAD_DMS) expect(postsTo(slack, dm, REMINDER), `reminder in ${dm}`).toHaveLength(1);
  const posted = slack.of('chat.postMessage').length;

  // Restarted again the same morning (a deploy, a crash): those periods are claimed; nothing more is sent.
  const again = await startSlackBot(slack, dataDir, '2026-11-23T09:30:00Z');
  await again.bot.outbox.idle();
  await again.stop();
  expect(slack.of('chat.postMessage').slice(posted).map((c) => c.body.channel)).toEqual([]);
  for (const c of SUBSCRIBERS) expect(postsTo(slack, c, DIGEST)).toHaveLength(1);
  for (const dm of HEAD_DMS) expect(postsTo(slack, dm, REMINDER)).toHaveLength(1);
});

/**
 * Two channels subscribe to the weekly digest on Wednesday; on Monday 09:00 the catch-up claims the
 * 07:00 digest and the process dies at the point `dies` picks (its runJob and deliver); `whileDying`
 * looks at the store before it is closed. Then the next start: the digest reaches each channel once.
 */
async function diesThenRestarts(
  channels: string[],
  dies: (bot: TestBot) => Pick<SchedulerDeps, 'runJob' | 'deliver'>,
  whileDying: (bot: TestBot) => Promise<void> = async () => undefined,
): Promise<void> {
  const dataDir = await temp.make();
  const wed = await startSlackBot(slack, dataDir, '2026-11-18T10:00:00Z');
  try {
    for (const c of channels) expect(await slash(slack, wed, 'U0000DOSI', 'subscribe weekly', c)).toContain('Subscribed to the weekly SLT digest');
  } finally {
    await wed.stop();
  }

  const dying = await startSlackBot(slack, dataDir, '2026-11-23T09:00:00Z', {}, false);
  try {
    const scheduler = await startScheduler({
      store: dying.bot.store,
      timeZone: 'Europe/London',
      now: () => dying.clock.now,
      ...dies(dying),
      jobs: JOBS.filter((j) => j.name === 'weekly-digest'),
    });
    scheduler.stop();
    await whileDying(dying);
  } finally {
    await dying.stop();
  }
  for (const c of channels) expect(postsTo(slack, c, DIGEST)).toEqual([]);

  // The next start sends what was committed, to each subscriber once, and does not run it again.
  const next = await startSlackBot(slack, dataDir, '2026-11-23T09:05:00Z');
  await next.bot.outbox.idle();
  expect(next.bot.store.read().outbox).toEqual([]);
  await next.stop();
  for (const c of channels) expect(postsTo(slack, c, DIGEST), `digest in ${c}`).toHaveLength(1);
}

it('sends after a restart the digest a run claimed and committed but never queued (the process died), once', async () => {
  // The catch-up builds the digest and commits it, and the process dies before the outbox has queued
  // a single send (here: the hand-over to the outbox throws).
  await diesThenRestarts(['C00CRASH1', 'C00CRASH2'], (dying) => ({
    runJob: dying.bot.dispatcher.runJob,
    deliver: () => Promise.reject(new Error('killed before queueing')),
  }));
});

it('sends after a restart the digest whose run recorded it as sent and then died before the scheduler journalled it, once', async () => {
  // The job runs to its end (the digest is recorded as sent), then the process dies before the
  // scheduler's own commit of what it sends: "sent" must have been committed with the digest journalled.
  await diesThenRestarts(
    ['C00DIED01', 'C00DIED02'],
    (dying) => ({
      runJob: async (name) => {
        await dying.bot.dispatcher.runJob(name);
        throw new Error('killed after the job, before its digest was journalled');
      },
      deliver: () => Promise.reject(new Error('never reached')),
    }),
    async (dying) => expect(await dying.bot.store.audit({ action: 'digest.sent', subject: 'weekly-slt:2026-11-23' })).toHaveLength(1),
  );
});
