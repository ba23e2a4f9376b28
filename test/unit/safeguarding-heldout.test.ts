// The disclosure filter against the labelled phrasings (test/fixtures/safeguarding). Goals: ≥ 95%
// of concerns redirected, ≤ 3% of ordinary text refused. The held-out quarter meets the recall goal
// but refuses 3 of its 54 ordinary lines (5.6%) since the learned model was added; fresh-3, written
// after all tuning and never trained on, is the blind check (83% recall, 1.7% false alarms when
// added). These tests hold today's levels so that a change which loses ground fails; where a level
// is short of the goal the test says so. npm run eval:safeguarding prints the figures.
import { describe, expect, it } from 'vitest';
import { looksLikeDisclosure } from '../../src/domain/safeguarding';
import { loadPhrasings, score } from '../fixtures/safeguarding/phrasings';

describe('the disclosure filter on phrasings it was not tuned on', () => {
  const heldOut = loadPhrasings('held-out');
  const s = score(heldOut, looksLikeDisclosure);

  it('is a real quarter of the set, covering every category', () => {
    const dev = loadPhrasings('development');
    expect(heldOut.length).toBeGreaterThanOrEqual(100);
    expect(dev.length + heldOut.length).toBeGreaterThanOrEqual(400);
    const cats = (rows: typeof dev) => [...new Set(rows.filter((r) => r.label === 'concern').map((r) => r.category))].sort();
    expect(cats(heldOut)).toEqual(cats(dev));
    expect(new Set(heldOut.map((r) => r.voice))).toEqual(new Set(['staff', 'parent', 'teen', 'child']));
  });

  it('redirects at least 95% of concerns', () => {
    expect(s.recall.rate).toBeGreaterThanOrEqual(0.95);
  });

  it('refuses no more than 3 of the 54 ordinary lines (5.6%: short of the 3% goal)', () => {
    expect(s.falseAlarms.flagged).toBeLessThanOrEqual(3);
  });

  it('on fresh-3, never trained or tuned on: redirects at least 80% of concerns (short of 95%) and refuses at most 3% of ordinary text', () => {
    const f = score(loadPhrasings('fresh-3'), looksLikeDisclosure);
    expect(f.recall.rate).toBeGreaterThanOrEqual(0.8);
    expect(f.falseAlarms.rate).toBeLessThanOrEqual(0.03);
  });

  it('keeps the development set at the same goals', () => {
    const d = score(loadPhrasings('development'), looksLikeDisclosure);
    expect(d.recall.rate).toBeGreaterThanOrEqual(0.95);
    expect(d.falseAlarms.rate).toBeLessThanOrEqual(0.03);
  });

  it('is fast enough to screen every command and card (well under a millisecond a phrase)', () => {
    const texts = [...heldOut, ...loadPhrasings('development')].map((p) => p.text);
    texts.forEach(looksLikeDisclosure);
    const started = performance.now();
    for (let i = 0; i < 5; i++) texts.forEach(looksLikeDisclosure);
    const perPhrase = (performance.now() - started) / (5 * texts.length);
    expect(perPhrase).toBeLessThan(2);
  });
});
