// npm run eval:safeguarding: how well the disclosure filter does on the labelled phrasings
// (test/fixtures/safeguarding). Prints recall on concerns and false alarms on ordinary text for the
// development and held-out sets, per category and voice, and lists the development set's misses
// only: the held-out quarter (and the fresh set, written after tuning) are for measuring, never for tuning.
import { looksLikeDisclosure } from '../src/domain/safeguarding';
import { loadPhrasings, score, type Score, type SetName, type Tally } from '../test/fixtures/safeguarding/phrasings';

const GOAL = { recall: 0.95, falseAlarms: 0.03 };
const pct = (t: Tally) => `${(t.rate * 100).toFixed(1).padStart(5)}% (${t.flagged}/${t.total})`;

function report(set: SetName, s: Score): void {
  const ok = s.recall.rate >= GOAL.recall && s.falseAlarms.rate <= GOAL.falseAlarms;
  console.log(`\n== ${set} ==  recall ${pct(s.recall)}   false alarms ${pct(s.falseAlarms)}   ${ok ? 'meets the goal' : 'BELOW THE GOAL'} (recall ≥ 95%, false alarms ≤ 3%)`);
  console.log('  concerns redirected, by category:');
  for (const [c, t] of Object.entries(s.byCategory).filter(([, t]) => t.label === 'concern')) console.log(`    ${c.padEnd(18)} ${pct(t)}`);
  console.log('  ordinary text refused (false alarms), by topic:');
  for (const [c, t] of Object.entries(s.byCategory).filter(([, t]) => t.label === 'ordinary')) console.log(`    ${c.padEnd(18)} ${pct(t)}`);
  console.log('  by voice:');
  for (const [v, t] of Object.entries(s.byVoice)) console.log(`    ${v.padEnd(18)} recall ${pct(t.recall)}   false alarms ${pct(t.falseAlarms)}`);
}

const started = performance.now();
const dev = score(loadPhrasings('development'), looksLikeDisclosure);
const held = score(loadPhrasings('held-out'), looksLikeDisclosure);
const fresh = score(loadPhrasings('fresh'), looksLikeDisclosure);
const fresh2 = score(loadPhrasings('fresh-2'), looksLikeDisclosure);
const ms = performance.now() - started;

report('development', dev);
console.log('\n  development misses (concerns let through):');
for (const p of dev.missed) console.log(`    [${p.category}/${p.voice}] ${p.text}`);
console.log('  development false alarms (ordinary text refused):');
for (const p of dev.falselyFlagged) console.log(`    [${p.category}/${p.voice}] ${p.text}`);
report('held-out', held);
report('fresh', fresh);
report('fresh-2', fresh2);
const screened = [dev, held, fresh, fresh2].reduce((n, s) => n + s.recall.total + s.falseAlarms.total, 0);
console.log(`\n(${screened} phrasings screened in ${ms.toFixed(0)} ms; misses outside the development set are not listed on purpose)`);
process.exitCode = held.recall.rate >= GOAL.recall && held.falseAlarms.rate <= GOAL.falseAlarms ? 0 : 1;
