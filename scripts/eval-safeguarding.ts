// npm run eval:safeguarding: how well the disclosure filter does on the labelled phrasings
// (test/fixtures/safeguarding). Prints recall on concerns and false alarms on ordinary text for the
// development, held-out and fresh sets, per category and voice, and lists the development set's
// misses only: the held-out quarter and fresh-3 (written after tuning, never trained on) are for
// measuring, never for tuning. fresh and fresh-2 were blind once and are training data now.
import { writeFileSync } from 'node:fs';
import { looksLikeDisclosure } from '../src/domain/safeguarding';
import { trainModel } from '../src/domain/safeguarding/model';
import { loadPhrasings, score, type Score, type SetName, type Tally } from '../test/fixtures/safeguarding/phrasings';

const GOAL = { recall: 0.95, falseAlarms: 0.03 };
/**
 * Chosen by 5-fold cross-validation on the training sets: the model alone redirected 74% of concerns
 * with no false alarms there, 97% with the patterns. 0.5 (1.4% alone) gave 5.6% false alarms on
 * the held-out quarter, so the held-out figures at 1.0 are no longer blind; fresh-3 is.
 */
const MODEL_THRESHOLD = 1;
const pct = (t: Tally) => `${(t.rate * 100).toFixed(1).padStart(5)}% (${t.flagged}/${t.total})`;

function report(set: SetName | string, s: Score): void {
  const ok = s.recall.rate >= GOAL.recall && s.falseAlarms.rate <= GOAL.falseAlarms;
  console.log(`\n== ${set} ==  recall ${pct(s.recall)}   false alarms ${pct(s.falseAlarms)}   ${ok ? 'meets the goal' : 'BELOW THE GOAL'} (recall ≥ 95%, false alarms ≤ 3%)`);
  console.log('  concerns redirected, by category:');
  for (const [c, t] of Object.entries(s.byCategory).filter(([, t]) => t.label === 'concern')) console.log(`    ${c.padEnd(18)} ${pct(t)}`);
  console.log('  ordinary text refused (false alarms), by topic:');
  for (const [c, t] of Object.entries(s.byCategory).filter(([, t]) => t.label === 'ordinary')) console.log(`    ${c.padEnd(18)} ${pct(t)}`);
  console.log('  by voice:');
  for (const [v, t] of Object.entries(s.byVoice)) console.log(`    ${v.padEnd(18)} recall ${pct(t.recall)}   false alarms ${pct(t.falseAlarms)}`);
}

// --train: refit src/domain/safeguarding/model.json on every set but the held-out quarter and the
// newest fresh batch (kept blind to measure), then score as usual in a new process.
if (process.argv.includes('--train')) {
  const rows = (['development', 'fresh', 'fresh-2'] as const).flatMap((s) => loadPhrasings(s)).map((p) => ({ text: p.text, concern: p.label === 'concern' }));
  const model = trainModel(rows, MODEL_THRESHOLD);
  writeFileSync(new URL('../src/domain/safeguarding/model.json', import.meta.url), `${JSON.stringify(model)}\n`);
  console.log(`model.json: ${Object.keys(model.weights).length} weights from ${rows.length} phrasings; run again without --train to score it`);
  process.exit(0);
}

const started = performance.now();
const dev = score(loadPhrasings('development'), looksLikeDisclosure);
const held = score(loadPhrasings('held-out'), looksLikeDisclosure);
const fresh = score(loadPhrasings('fresh'), looksLikeDisclosure);
const fresh2 = score(loadPhrasings('fresh-2'), looksLikeDisclosure);
const fresh3 = score(loadPhrasings('fresh-3'), looksLikeDisclosure);
const ms = performance.now() - started;

report('development', dev);
console.log('\n  development misses (concerns let through):');
for (const p of dev.missed) console.log(`    [${p.category}/${p.voice}] ${p.text}`);
console.log('  development false alarms (ordinary text refused):');
for (const p of dev.falselyFlagged) console.log(`    [${p.category}/${p.voice}] ${p.text}`);
report('held-out', held);
report('fresh', fresh);
report('fresh-2', fresh2);
report('fresh-3 (blind: never trained or tuned on)', fresh3);
const screened = [dev, held, fresh, fresh2, fresh3].reduce((n, s) => n + s.recall.total + s.falseAlarms.total, 0);
console.log(`\n(${screened} phrasings screened in ${ms.toFixed(0)} ms; misses outside the development set are not listed on purpose)`);
// The exit code says only whether the held-out quarter meets the goals; the figures say the rest.
process.exitCode = held.recall.rate >= GOAL.recall && held.falseAlarms.rate <= GOAL.falseAlarms ? 0 : 1;
