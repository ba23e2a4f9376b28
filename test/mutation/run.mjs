// npm run test:mutation [-- [--changed] [--quiet] [--budget-minutes N] [module ...]]
//
// Runs StrykerJS once per rule module (test/mutation/modules.mjs), incrementally: each module's
// committed report in test/mutation/incremental/ says which mutants were killed for which code and
// tests, so a rerun tests only what changed. Prints one line per module and fails (exit 1) when a
// module scores below its floor, or when Stryker itself fails.
//
// --changed: only the modules whose mutated files or tests differ from the sources their committed
// report holds (what CI runs: a clean clone knows "changed since it last landed" from the report);
// the others are checked from their report, without running anything, and a module with no
// committed report yet is named as not measured. --quiet: Stryker's own output
// goes to reports/mutation/<module>.log, not the terminal. --budget-minutes: a module not finished
// in the time left fails, saying so (run it locally and commit its report; the next run is quick).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MODULES, expand, incrementalFile, reportFile } from './modules.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
process.chdir(root);

const args = process.argv.slice(2);
const flag = (f) => args.includes(f);
const budgetAt = args.indexOf('--budget-minutes');
const deadline = budgetAt >= 0 ? Date.now() + Number(args[budgetAt + 1]) * 60_000 : Infinity;
const named = args.filter((a, i) => !a.startsWith('--') && (budgetAt < 0 || i !== budgetAt + 1));
for (const n of named) if (!MODULES[n]) fail(`no module "${n}": ${Object.keys(MODULES).join(', ')}`);
const names = named.length ? named : Object.keys(MODULES);

function fail(message) {
  console.error(`mutation: ${message}`);
  process.exit(1);
}

function readReport(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/** Why a module must run again: its report is missing or holds other sources than the tree has. */
function changes(name) {
  const m = MODULES[name];
  const report = readReport(incrementalFile(name));
  if (!report) return ['no committed report'];
  const recorded = (files, p) => files?.[p]?.source ?? files?.[path.resolve(p)]?.source;
  const out = [];
  for (const f of expand(m.mutate)) if (recorded(report.files, f) !== readFileSync(f, 'utf8')) out.push(f);
  for (const f of m.tests) if (recorded(report.testFiles, f) !== readFileSync(f, 'utf8')) out.push(f);
  return out;
}

/** Score as Stryker counts it: killed and timed-out over every valid mutant (no compile errors, none ignored). */
function score(report) {
  const n = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0 };
  for (const f of Object.values(report.files)) for (const mu of f.mutants) if (mu.status in n) n[mu.status]++;
  const valid = n.Killed + n.Timeout + n.Survived + n.NoCoverage;
  return { ...n, valid, score: valid ? ((n.Killed + n.Timeout) / valid) * 100 : 100 };
}

function stryker(name) {
  return new Promise((resolve) => {
    mkdirSync('reports/mutation', { recursive: true });
    rmSync(reportFile(name), { force: true });
    const quiet = flag('--quiet');
    const child = spawn('npx', ['stryker', 'run'], { env: { ...process.env, MUTATION_MODULE: name }, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', detached: true });
    if (quiet) {
      const log = createWriteStream(`reports/mutation/${name}.log`);
      child.stdout.pipe(log);
      child.stderr.pipe(log);
    }
    const left = deadline - Date.now();
    const timer = Number.isFinite(left) ? setTimeout(() => { child.timedOut = true; process.kill(-child.pid, 'SIGTERM'); }, Math.max(left, 0)) : undefined;
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(child.timedOut ? 'timeout' : code);
    });
  });
}

let failed = 0;
for (const name of names) {
  const m = MODULES[name];
  let ran = false;
  if (flag('--changed') && !existsSync(incrementalFile(name))) {
    // Never measured: nothing has landed to compare with. Said, not failed; see test/mutation-survivors.md.
    console.log(`mutation: ${name}: no committed report yet, not measured (npm run test:mutation -- ${name})`);
    continue;
  }
  if (!flag('--changed') || changes(name).length) {
    if (flag('--changed')) console.log(`mutation: ${name}: changed (${changes(name).join(', ')}), running Stryker incrementally`);
    const code = await stryker(name);
    ran = true;
    if (code === 'timeout') {
      console.log(`mutation: ${name}: not finished within the time budget. Run npm run test:mutation -- ${name} and commit ${incrementalFile(name)}.`);
      failed++;
      continue;
    }
    // Stryker exits 1 below its break threshold (the floor); the score line says so below.
    if (code !== 0 && !existsSync(reportFile(name))) {
      console.log(`mutation: ${name}: Stryker failed (exit ${code})${flag('--quiet') ? `, see reports/mutation/${name}.log` : ''}`);
      failed++;
      continue;
    }
  }
  const report = readReport(ran ? reportFile(name) : incrementalFile(name));
  const s = score(report);
  const ok = s.score >= m.floor;
  if (!ok) failed++;
  console.log(
    `mutation: ${name}: ${s.score.toFixed(1)}% of ${s.valid} mutants (${s.Killed} killed, ${s.Timeout} timed out, ${s.Survived} survived, ${s.NoCoverage} not covered)` +
      `${ran ? '' : ', from the committed report'}; floor ${m.floor}%${ok ? '' : ': BELOW THE FLOOR'}`,
  );
}
process.exit(failed ? 1 : 0);
