// A small logistic-regression model over words, word pairs and 4-letter pieces of the normalised
// text, trained on the project's own labelled phrasings (test/fixtures/safeguarding, never the
// held-out quarter) by `npm run eval:safeguarding -- --train`, which writes model.json. No
// download and no network: the weights are in the repository and scoring is a few map lookups.
// Why: phrase patterns caught a third of concerns in a batch written after they were tuned; the
// model, trained on the same data, caught most of them (see test/fixtures/safeguarding/README.md).
import { normalise } from './normalise';

export interface ModelWeights {
  bias: number;
  /** Scores above this redirect. Chosen by cross-validation on the training phrasings. */
  threshold: number;
  weights: Record<string, number>;
}

/** The features of already-normalised text. */
export function features(normalised: string): string[] {
  const words = normalised.replace(/[^a-z0-9 ]/g, ' ').split(/\s+/).filter(Boolean);
  const out = new Set<string>(words);
  for (let i = 1; i < words.length; i++) out.add(`${words[i - 1]}_${words[i]}`);
  const padded = ` ${words.join(' ')} `;
  for (let i = 0; i + 4 <= padded.length; i++) out.add(`#${padded.slice(i, i + 4)}`);
  return [...out];
}

export function modelScore(m: ModelWeights, normalised: string): number {
  let z = m.bias;
  for (const f of features(normalised)) z += m.weights[f] ?? 0;
  return z;
}

/** Trains on labelled texts; deterministic (a fixed shuffle), so retraining gives the same weights. */
export function trainModel(rows: readonly { text: string; concern: boolean }[], threshold = 0, epochs = 30, l2 = 0.01): ModelWeights {
  const w = new Map<string, number>();
  let bias = 0;
  const xs = rows.map((r) => ({ f: features(normalise(r.text)), y: r.concern ? 1 : 0 }));
  let rate = 0.5;
  for (let e = 0; e < epochs; e++) {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = (i * 7919 + e * 31) % (i + 1);
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    for (const x of xs) {
      let z = bias;
      for (const f of x.f) z += w.get(f) ?? 0;
      const g = 1 / (1 + Math.exp(-z)) - x.y;
      bias -= rate * g;
      const step = g / Math.sqrt(x.f.length);
      for (const f of x.f) {
        const v = w.get(f) ?? 0;
        w.set(f, v - rate * (step + l2 * v));
      }
    }
    rate *= 0.9;
  }
  const weights: Record<string, number> = {};
  for (const [f, v] of [...w].sort(([a], [b]) => (a < b ? -1 : 1))) if (Math.abs(v) >= 0.005) weights[f] = Math.round(v * 1e4) / 1e4;
  return { bias: Math.round(bias * 1e4) / 1e4, threshold, weights };
}
