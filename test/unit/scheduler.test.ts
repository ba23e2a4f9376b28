import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outcome } from '../../src/app/command';
import { lastDue, startScheduler } from '../../src/scheduler/scheduler';
import type { JobSpec } from '../../src/scheduler/jobs';
import { openStoreAt } from '../helpers/sql-store';
import type { Store } from '../../src/store/store';

const daily: JobSpec = { name: 'daily', cron: '30 7 * * 1-5', days: [1, 2, 3, 4, 5], time: '07:30', what: '' };
const weekly: JobSpec = { name: 'weekly-digest', cron: '0 7 * * 1', days: [1], time: '07:00', what: '' };

describe('lastDue', () => {
  it('reads times in Europe/London across the clock change', () => {
    // Wednesday in BST: 07:30 London is 06:30 UTC.
    expect(lastDue(daily, new Date('2026-06-17T12:00:00Z'), 'Europe/London')!.toISOString()).toBe('2026-06-17T06:30:00.000Z');
    // Wednesday in GMT: 07:30 London is 07:30 UTC.
    expect(lastDue(daily, new Date('2026-11-18T12:00:00Z'), 'Europe/London')!.toISOString()).toBe('2026-11-18T07:30:00.000Z');
    // Monday 26 October 2026, the day after the clocks go back.
    expect(lastDue(weekly, new Date('2026-10-26T08:00:00Z'), 'Europe/London')!.toISOString()).toBe('2026-10-26T07:00:00.000Z');
  });

  it('before today\'s time, on a Saturday, looks back to the last weekday', () => {
    expect(lastDue(daily, new Date('2026-11-18T07:00:00Z'), 'Europe/London')!.toISOString()).toBe('2026-11-17T07:30:00.000Z');
    expect(lastDue(daily, new Date('2026-11-21T12:00:00Z'), 'Europe/London')!.toISOString()).toBe('2026-11-20T07:30:00.000Z');
    expect(lastDue(weekly, new Date('2026-11-22T12:00:00Z'), 'Europe/London')!.toISOString()).toBe('2026-11-16T07:00:00.000Z');
  });
});

describe('catching up at start', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sched-'));
    store = await openStoreAt(dir);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const start = (now: string, ran: string[]) =>
    startScheduler({
      store,
      timeZone: 'Europe/London',
      now: () => new Date(now),
      runJob: async (name) => (ran.push(name), outcome()),
      deliver: async () => undefined,
      jobs: [daily, weekly],
    });

  it('runs nothing on the very first start, but remembers it started', async () => {
    const ran: string[] = [];
    (await start('2026-11-18T10:00:00Z', ran)).stop();
    expect(ran).toEqual([]);
    expect(Object.keys(store.read().jobRuns).sort()).toEqual(['daily', 'weekly-digest']);
  });

  it('runs once a job that fell due while the bot was down', async () => {
    await store.transact((d) => {
      d.jobRuns.daily = '2026-11-16T07:30:00.000Z'; // Monday's run; down Tuesday and Wednesday morning
      d.jobRuns['weekly-digest'] = '2026-11-16T07:00:00.000Z';
    });
    const ran: string[] = [];
    (await start('2026-11-18T10:00:00Z', ran)).stop();
    expect(ran).toEqual(['daily']);
    expect(store.read().jobRuns.daily).toBe('2026-11-18T07:30:00.000Z'); // the period it ran for, claimed
  });

  it('does not catch up a job that runs again later today: the weekly digest goes once on Monday', async () => {
    await store.transact((d) => {
      d.jobRuns.daily = '2026-11-20T07:30:00.000Z'; // Friday's run, as usual
      d.jobRuns['weekly-digest'] = '2026-11-09T07:00:00.000Z'; // down over last Monday's 07:00
    });
    const ran: string[] = [];
    (await start('2026-11-23T06:00:00Z', ran)).stop(); // Monday 06:00: the 07:00 run is an hour away
    expect(ran).toEqual([]);
    expect(store.read().jobRuns['weekly-digest']).toBe('2026-11-09T07:00:00.000Z');
  });

  it('takes a run an earlier release recorded (the time it finished) as its period claimed, and runs the next one once', async () => {
    // Wednesday's 07:30 run, as releases before the claim stored it: when it finished.
    await store.transact((d) => void (d.jobRuns.daily = '2026-11-18T07:30:04.512Z'));
    const ran: string[] = [];
    const wed = await start('2026-11-18T10:00:00Z', ran);
    await wed.run('daily');
    wed.stop();
    expect(ran).toEqual([]);
    const thu = await start('2026-11-19T07:30:00Z', ran); // caught up as it starts, then fired by cron
    await thu.run('daily');
    thu.stop();
    expect(ran).toEqual(['daily']);
    expect(store.read().jobRuns.daily).toBe('2026-11-19T07:30:00.000Z');
  });

  it('still runs a job whose cron tick came late because the process was busy, rather than skip the day', async () => {
    // A job due at a whole second three seconds from now; the event loop is then held for over two
    // seconds past it, as a long transaction or a paused machine would. node-cron skips a tick more
    // than a second late unless told otherwise; the claim makes a late run safe.
    await store.transact((d) => void (d.jobRuns.late = '2026-11-16T07:31:00.000Z'));
    const at = new Date(Date.now() + 3_000);
    const job: JobSpec = { name: 'late', cron: `${at.getUTCSeconds()} * * * * *`, days: [0, 1, 2, 3, 4, 5, 6], time: '07:31', what: '' };
    const ran: string[] = [];
    const s = await startScheduler({
      store,
      timeZone: 'Europe/London',
      now: () => new Date('2026-11-18T07:30:30Z'), // before today's time: no catch-up at start; the tick claims yesterday's
      runJob: async (name) => (ran.push(name), outcome()),
      deliver: async () => undefined,
      jobs: [job],
    });
    const busyUntil = Math.floor(at.getTime() / 1000) * 1000 + 2_300;
    while (Date.now() < busyUntil) {
      // busy
    }
    await new Promise((r) => setTimeout(r, 1_500)); // the late tick's claim and run
    s.stop();
    expect(ran).toEqual(['late']);
  });
});
