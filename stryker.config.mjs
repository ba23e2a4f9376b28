// StrykerJS on the rule modules, one module a run: `npm run test:mutation [module ...]` (see
// test/mutation/run.mjs) sets MUTATION_MODULE and runs Stryker once per module. The vitest runner
// runs only that module's tests (stryker.vitest.config.ts), with per-test coverage so each mutant
// runs only the tests that reach it; the TypeScript checker drops mutants that do not compile.
import './stryker.typescript.mjs';
import { writeFileSync } from 'node:fs';
import { MODULES, expand, incrementalFile, reportFile } from './test/mutation/modules.mjs';

const name = process.env.MUTATION_MODULE ?? 'calendar';
const module = MODULES[name];
if (!module) throw new Error(`MUTATION_MODULE: no module "${name}" (${Object.keys(MODULES).join(', ')})`);
// Read by stryker.vitest.config.ts in the test runner process Stryker starts.
process.env.MUTATION_TESTS = module.tests.join(',');
// The TypeScript checker compiles the mutated files and what they import, not the whole project: a
// mutant that breaks only a file importing it is not dropped as a compile error but tested, which
// can only lower the score. Checking all of src made each mutant take seconds on this machine.
writeFileSync('tsconfig.stryker.json', `${JSON.stringify({ extends: './tsconfig.json', include: [], files: expand(module.mutate) }, null, 2)}\n`);

export default {
  testRunner: 'vitest',
  vitest: { configFile: 'stryker.vitest.config.ts', related: false },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.stryker.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  mutate: module.mutate,
  incremental: true,
  incrementalFile: incrementalFile(name),
  concurrency: 1,
  // Over the test's own time: a mutant that loops forever costs this plus a new test runner. Modules
  // whose tests start a bot allow more (modules.mjs), so a busy machine does not read as a timeout.
  timeoutMS: module.timeoutMS ?? 3000,
  dryRunTimeoutMinutes: 10,
  // Stryker wants high above low: 90 is the goal, the floor is where it fails.
  thresholds: { high: Math.max(90, module.floor + 1), low: module.floor, break: module.floor },
  reporters: ['clear-text', 'json', 'progress-append-only'],
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  jsonReporter: { fileName: reportFile(name) },
  ignorePatterns: ['reports', 'test-results', 'docs', 'manifests', 'cards/*.png', '.ci'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
