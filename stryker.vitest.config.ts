// The vitest configuration Stryker uses: the project's, with only the module's tests (MUTATION_TESTS,
// set by stryker.config.mjs), so a mutant never waits on the whole suite.
import { defineConfig } from 'vitest/config';
import base from './vitest.config';

const tests = (process.env.MUTATION_TESTS ?? '').split(',').filter(Boolean);
if (!tests.length) throw new Error('MUTATION_TESTS is empty: run Stryker through npm run test:mutation');

export default defineConfig({ ...base, test: { ...base.test, include: tests } });
