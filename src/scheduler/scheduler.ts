// node-cron jobs in the trust's time zone. The last run of each job is stored, so a run missed while
// the bot was down is caught up once at start (node-cron does not replay missed runs).
import cron, { type ScheduledTask } from 'node-cron';
import type { Outcome } from '../app/command';
import { addDays, localDate, weekday, zonedInstant } from '../domain/calendar';
import type { Store } from '../store/store';
import { JOBS, type JobSpec } from './jobs';

export interface Scheduler {
  /** Runs a job now (the playground's "send the digest now", tests). */
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

export async function startScheduler(deps: SchedulerDeps): Promise<Scheduler> {
  const jobs = deps.jobs ?? JOBS;
  let running = Promise.resolve();

  const run = (name: string): Promise<void> => {
    // One job at a time: a digest and the daily run never interleave their writes.
    const next = running.then(async () => {
      const o = await deps.runJob(name);
      await deps.deliver(o);
      await deps.store.transact((d) => {
        d.jobRuns[name] = deps.now().toISOString();
      });
    });
    running = next.catch((e) => console.error(`[scheduler] ${name} failed:`, e));
    return next;
  };

  for (const job of jobs) {
    const due = lastDue(job, deps.now(), deps.timeZone);
    const last = deps.store.read().jobRuns[job.name];
    // A run still to come today does the missed run's work: catching up now as well would send twice.
    if (laterToday(job, deps.now(), deps.timeZone)) continue;
    if (due && (!last || new Date(last) < due)) {
      if (last) await run(job.name).catch(() => undefined); // missed while down
      else await deps.store.transact((d) => void (d.jobRuns[job.name] = deps.now().toISOString())); // first start: nothing was missed
    }
  }

  const tasks: ScheduledTask[] = jobs.map((job) =>
    cron.schedule(job.cron, () => void run(job.name).catch(() => undefined), { timezone: deps.timeZone, name: job.name, noOverlap: true }),
  );
  return {
    run,
    stop: () => tasks.forEach((t) => void t.stop()),
  };
}
