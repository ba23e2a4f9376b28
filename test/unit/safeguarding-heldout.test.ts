// The disclosure filter against the labelled phrasings (test/fixtures/safeguarding): the held-out
// quarter, never used for tuning, must stay at ≥ 95% of concerns redirected and ≤ 3% of ordinary
// text refused, so a change to the patterns that loses ground fails here. The misses themselves are
// not printed: npm run eval:safeguarding lists the development set's.
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

  it('refuses at most 3% of ordinary school-improvement text', () => {
    expect(s.falseAlarms.rate).toBeLessThanOrEqual(0.03);
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
