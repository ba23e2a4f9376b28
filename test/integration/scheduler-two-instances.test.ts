// Two bots behind one load balancer on one PostgreSQL both fire the same scheduled jobs for the same
// period: the weekly digest reaches each subscriber once, and the daily run's reminders each
// headteacher once. Each run claims its period in a transaction before it sends anything.
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FakeSlack } from '../fakes/slack-api';
import type { TestBot } from '../helpers/bot';
import { tempDirs } from '../helpers/scripts';
import { postsTo, slash, startSlack, startSlackBot } from '../helpers/slack-trust';
import { TEST_DATABASE_URL, freshSchema } from '../helpers/sql-store';

vi.setConfig({ testTimeout: 300_000 });

const SUBSCRIBERS = ['C0000SLT', 'C000HEADS'];
const HEAD_DMS = ['D00000HT1', 'D00000HT2'];

/** A schema of its own on the test server (DATABASE_SCHEMA), dropped afterwards. */
function freshServerSchema(): { env: Record<string, string>; drop: () => Promise<void> } {
  const schema = freshSchema('sched');
  return {
    env: { DATABASE_URL: TEST_DATABASE_URL!, DATABASE_SCHEMA: schema },
    async drop() {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}

describe.skipIf(!TEST_DATABASE_URL)('two instances on one PostgreSQL', () => {
  let slack: FakeSlack;
  let db: ReturnType<typeof freshServerSchema>;
  const temp = tempDirs('ibot-two-');
  const bots: TestBot[] = [];
  beforeAll(async () => {
    slack = await startSlack();
    db = freshServerSchema();
  });
  afterAll(async () => {
    for (const b of bots) await b.stop();
    await slack?.close();
    await db?.drop();
    await temp.cleanup();
  });

  it('send the weekly digest and the daily reminders once, however both fire', async () => {
    const [dirA, dirB] = [await temp.make(), await temp.make()];
    // Monday 23 November, 06:00: both up before the 07:00 digest and the 07:30 daily run. The round
    // opened on Wednesday (Monday is its 3rd school day) and two channels take the weekly digest.
    const a = await startSlackBot(slack, dirA, '2026-11-18T10:00:00Z', db.env);
    bots.push(a);
    expect(await slash(slack, a, 'U0000DOSI', 'risk open', 'C0000SLT')).toContain('is open');
    for (const c of SUBSCRIBERS) expect(await slash(slack, a, 'U0000DOSI', 'subscribe weekly', c)).toContain('Subscribed to the weekly SLT digest');
    // Every instance holds the trust's survey key (docs/operations.md).
    await copyFile(path.join(dirA, 'survey.key'), path.join(dirB, 'survey.key'));
    const b = await startSlackBot(slack, dirB, '2026-11-23T06:00:00Z', db.env);
    bots.push(b);
    const both = async (job: string, at: string) => {
      for (const t of [a, b]) t.clock.set(at);
      // As node-cron fires it on each instance at the same moment.
      await Promise.all([a.bot.scheduler.run(job), b.bot.scheduler.run(job)]);
      await Promise.all([a.bot.outbox.idle(), b.bot.outbox.idle()]);
    };

    await both('weekly-digest', '2026-11-23T07:00:00Z');
    for (const c of SUBSCRIBERS) expect(postsTo(slack, c, /Weekly SLT digest/), `digest in ${c}`).toHaveLength(1);

    await both('daily', '2026-11-23T07:30:00Z');
    for (const dm of HEAD_DMS) expect(postsTo(slack, dm, /Reminder: the risk meeting needs/), `reminder in ${dm}`).toHaveLength(1);

    // A later firing of the same period (a slow instance, a retry) finds it claimed too.
    const posted = slack.of('chat.postMessage').length;
    await both('daily', '2026-11-23T07:31:00Z');
    expect(slack.of('chat.postMessage').slice(posted).map((c) => c.body.channel)).toEqual([]);
  });
});
