// A scheduled run claims its period, the instant it fell due, in a transaction before it does or sends
// anything. transact runs one at a time across every instance on a database and starts from the
// latest data, so of two instances firing the same cron, or two catch-ups after a restart, exactly
// one finds the period unclaimed; the other does nothing.
import type { Store } from '../store/store';

/** What to do when the job has never been claimed: a live run goes ahead; a catch-up at first start does not (nothing was missed). */
export type FirstClaim = 'run' | 'mark';

/** True when this instance now holds the period and should run it. jobRuns[name] keeps the latest period claimed. */
export function claimPeriod(store: Store, name: string, due: Date, first: FirstClaim): Promise<boolean> {
  return store.transact((d) => {
    const last = d.jobRuns[name];
    // Older releases stored the time a run finished: that is on or after its period, so it counts as claimed too.
    if (last && Date.parse(last) >= due.getTime()) return false;
    d.jobRuns[name] = due.toISOString();
    return Boolean(last) || first === 'run';
  });
}
