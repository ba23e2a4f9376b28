import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CARDS_DIR, renderCard } from '../../src/cards/render';
import { cardProblems } from '../../src/cards/validate';
import { CARD_SAMPLES } from '../fixtures/cards';

describe('card templates', () => {
  const templates = readdirSync(CARDS_DIR).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));

  it('every template has at least one sample', () => {
    const sampled = new Set(CARD_SAMPLES.map((s) => s.card));
    expect(templates.filter((t) => !sampled.has(t))).toEqual([]);
  });

  it.each(CARD_SAMPLES.map((s) => [`${s.card}: ${s.label}`, s] as const))('%s parses with no error in adaptivecards', (_name, sample) => {
    const card = renderCard(sample);
    expect(cardProblems(card)).toEqual([]);
    // Nothing left unexpanded: a ${...} on screen means the data and template disagree.
    expect(JSON.stringify(card)).not.toMatch(/\$\{/);
  });
});
