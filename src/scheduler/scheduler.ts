// node-cron jobs in the trust's time zone. Each run first claims its period (the instant it fell due)
// in the database, so it runs once however many instances fire it and however often the bot restarts;
// a period missed while every instance was down is caught up once at start (node-cron replays nothing).
// What a run sends is journalled in the commit that completes it, so a crash before it is queued
// loses nothing: the outbox sends the journal at the next start.
import { randomUUID } from 'node:crypto';
import cron, { type ScheduledTask } from 'node-cron';
import type { Notification, Outcome } from '../app/command';
import { journal } from '../app/journal';
import { addDays, localDate, weekday, zonedInstant } from '../domain/calendar';
import type { Store } from '../store/store';
import { claimPeriod, type FirstClaim } from './claim';
import { JOBS, type JobSpec } from './jobs';

export interface Scheduler {
  /** Runs a job for the period it last fell due in, unless an instance already has; a job with no schedule (the playground's "send the digest now") always runs. */
  run(name: string): Promise<void>;
  stop(): void;
}

export interface SchedulerDeps {
  store: Store;
  timeZone: string;
  now: () => Date;
  runJob: (name: string) => Promise<Outcome>;
  deliver: (o: Outcome) => Promise<void>;
  jobs?: JobSpec[];
  newId?: () => string;
}

/** The latest time the job was due at or before `now`, looking back a week. */
export function lastDue(job: JobSpec, now: Date, timeZone: string): Date | undefined {
  const today = localDate(now, timeZone);
  for (let i = 0; i <= 7; i++) {
    const day = addDays(today, -i);
    if (!job.days.includes(weekday(day))) continue;
    const at = zonedInstant(day, job.time, timeZone);
    if (at <= now) return at;
  }
  return undefined;
}

/** Whether the job is due again later today (it runs today and its time has not come yet). */
function laterToday(job: JobSpec, now: Date, timeZone: string): boolean {
  const today = localDate(now, timeZone);
  return job.days.includes(weekday(today)) && zonedInstant(today, job.time, timeZone) > now;
}

/** How late a cron tick may come and still run (all the jobs are at least a day apart). */
const LATE_TICK_MS = 6 * 60 * 60_000;

export async function startScheduler(deps: SchedulerDeps): Promise<Scheduler> {
  const jobs = deps.jobs ?? JOBS;
  const newId = deps.newId ?? randomUUID;
  let running = Promise.resolve();

  /** One job at a time: a digest and the daily run never interleave their writes. */
  const serially = (name: string, work: () => Promise<void>): Promise<void> => {
    const next = running.then(work);
    running = next.catch((e) => console.error(`[scheduler] ${name} failed:`, e));
    return next;
  };

  /** Runs `name` for the period it last fell due in, if this instance claims it. A job with no schedule ("send now") is not claimed. */
  const runDue = (name: string, first: FirstClaim): Promise<void> =>
    serially(name, async () => {
      const job = jobs.find((j) => j.name === name);
      if (job) {
        const due = lastDue(job, deps.now(), deps.timeZone);
        if (!due || !(await claimPeriod(deps.store, name, due, first))) return;
      }
      const o = await deps.runJob(name);
      await deps.deliver({ ...o, notifications: await journalled(o.notifications) });
    });

  /** Journals what the job did not journal itself, in one commit, before anything is queued. */
  const journalled = async (notifications: Notification[]): Promise<Notification[]> => {
    if (!notifications.some((n) => !n.journalId)) return notifications;
    return deps.store.transact((d) => notifications.flatMap((n) => (n.journalId ? [n] : journal(d, { newId }, [n]))));
  };

  for (const job of jobs) {
    // A run still to come today does the missed run's work: catching up now as well would remind twice.
    if (laterToday(job, deps.now(), deps.timeZone)) continue;
    await runDue(job.name, 'mark').catch(() => undefined);
  }

  const tasks: ScheduledTask[] = jobs.map((job) =>
    cron.schedule(job.cron, () => void runDue(job.name, 'run').catch(() => undefined), {
      timezone: deps.timeZone,
      name: job.name,
      noOverlap: true,
      // node-cron drops a tick more than a second late (a long transaction, a paused machine): the day's
      // run would be lost until a restart. The claim makes a late run safe, so take it within hours.
      missedExecutionTolerance: LATE_TICK_MS,
    }),
  );
  return {
    run: (name) => runDue(name, 'run'),
    stop: () => tasks.forEach((t) => void t.stop()),
  };
}
