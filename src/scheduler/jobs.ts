// What runs when, in the trust's time zone. Each job is one more source of work for the dispatcher.
export interface JobSpec {
  name: string;
  /** node-cron expression, read in TRUST_TIMEZONE. */
  cron: string;
  /** For catching up after downtime: the days (0 Sunday … 6 Saturday) and the time it runs. */
  days: number[];
  time: string;
  what: string;
}

export const JOBS: JobSpec[] = [
  { name: 'daily', cron: '30 7 * * 1-5', days: [1, 2, 3, 4, 5], time: '07:30', what: 'ISAP reminders and escalations, forum nudges, survey closing' },
  { name: 'weekly-digest', cron: '0 7 * * 1-5', days: [1, 2, 3, 4, 5], time: '07:00', what: "the weekly SLT digest, on the week's first working day in term" },
  // Checked every weekday; each sends once per half term / term (see src/app/workflows/digest/schedule.ts).
  { name: 'risk-pack', cron: '0 7 * * 1-5', days: [1, 2, 3, 4, 5], time: '07:00', what: 'the risk-meeting pack, in the last week of each half term' },
  { name: 'board-digest', cron: '0 16 * * 1-5', days: [1, 2, 3, 4, 5], time: '16:00', what: 'the board digest, on the last working day of each term' },
];
