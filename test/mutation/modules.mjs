// The rule modules under mutation testing, each with the files Stryker mutates and the tests that
// exercise them (the only tests Stryker runs for that module: the whole suite takes 13 minutes).
// Each module keeps its own incremental report in test/mutation/incremental/, committed, so a clean
// clone reruns only the mutants whose code or tests changed. `floor` is the score below which
// `npm run test:mutation` (and CI) fails: the goal is 90; a floor under it is the honest figure
// measured so far, to be raised as tests are added (see test/mutation-survivors.md).
// Listed in the order they are measured: the outbox and scheduler last (being rewritten).
import { readdirSync } from 'node:fs';
import path from 'node:path';

export const MODULES = {
  calendar: {
    mutate: ['src/domain/calendar.ts'],
    tests: ['test/unit/calendar.test.ts', 'test/unit/calendar-edges.test.ts', 'test/unit/isap-rules.test.ts'],
    // Measured 81.9%: the survivors are mostly zod schema mutants that Stryker activates too late to
    // see (test/mutation-survivors.md). Raise to 90 once they are counted.
    floor: 81,
  },
  isap: {
    mutate: ['src/domain/isap.ts', 'src/domain/isap-rules.ts'],
    tests: ['test/unit/isap-rules.test.ts', 'test/unit/isap-urgency.test.ts', 'test/integration/isap-due-today.test.ts', 'test/integration/isap-daily.test.ts', 'test/integration/bank-holiday-reminders.test.ts'],
    floor: 90,
  },
  surveys: {
    mutate: ['src/domain/surveys-results.ts'],
    tests: ['test/unit/survey-results.test.ts', 'test/unit/survey-results-view.test.ts', 'test/integration/survey-comments-release.test.ts'],
    floor: 90,
  },
  permissions: {
    mutate: ['src/app/permissions.ts'],
    tests: ['test/integration/roles.test.ts'],
    floor: 90,
  },
  approvals: {
    mutate: ['src/app/workflows/approvals.ts', 'src/app/approval-requests.ts'],
    tests: ['test/integration/approvals.test.ts', 'test/integration/approval-buttons.test.ts', 'test/integration/self-approval.test.ts', 'test/integration/ceo-only-approval.test.ts'],
    floor: 90,
  },
  dispatcher: {
    mutate: ['src/app/dispatcher.ts'],
    tests: ['test/integration/dispatcher.test.ts', 'test/integration/double-clicks.test.ts'],
    floor: 90,
  },
  safeguarding: {
    mutate: ['src/domain/safeguarding.ts', 'src/domain/safeguarding/*.ts'],
    tests: ['test/unit/safeguarding.test.ts', 'test/integration/safeguarding-bypass.test.ts', 'test/integration/safeguarding-dsl.test.ts'],
    floor: 90,
  },
  risk: {
    mutate: ['src/domain/risk-rules.ts', 'src/domain/risk-proposal.ts'],
    tests: ['test/unit/risk-rules.test.ts'],
    // Measured 78.6%: the proposal's wording and reasons are not asserted (test/mutation-survivors.md).
    floor: 78,
  },
  outbox: {
    mutate: ['src/delivery/outbox.ts'],
    tests: ['test/unit/outbox.test.ts', 'test/integration/outbox-restart.test.ts', 'test/integration/journal.test.ts'],
    floor: 90,
  },
  scheduler: {
    mutate: ['src/scheduler/scheduler.ts'],
    tests: ['test/unit/scheduler.test.ts'],
    floor: 90,
  },
};

/** The files a module's globs name (only `dir/*.ts` globs are used). */
export function expand(patterns) {
  return patterns.flatMap((p) => {
    if (!p.includes('*')) return [p];
    const dir = path.dirname(p);
    const suffix = path.basename(p).replace('*', '');
    return readdirSync(dir).filter((f) => f.endsWith(suffix)).map((f) => `${dir}/${f}`).sort();
  });
}

export const incrementalFile = (name) => `test/mutation/incremental/${name}.json`;
export const reportFile = (name) => `reports/mutation/${name}.json`;
