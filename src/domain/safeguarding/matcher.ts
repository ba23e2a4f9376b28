// Screens text, sentence by sentence: first the phrase patterns (patterns.ts), each category's
// `harm` patterns joined into one expression and its `topic` patterns into another (kept when the
// sentence is not about a policy or training); then the signals (signals.ts), for wordings no
// pattern foresaw; then, over the sentences not about a policy or training, the learned model
// (model.ts), which generalises furthest. Compiled once at load.
import MODEL from './model.json' with { type: 'json' };
import { modelScore, type ModelWeights } from './model';
import { normalise, sentences } from './normalise';
import { PATTERNS, PROCESS, type Category } from './patterns';
import { PERSON, SIGNALS } from './signals';

interface Compiled {
  category: Category;
  harm: RegExp;
  topic?: RegExp;
}

const COMPILED: readonly Compiled[] = PATTERNS.map((p) => ({
  category: p.category,
  harm: new RegExp(p.harm.join('|')),
  ...(p.topic?.length ? { topic: new RegExp(p.topic.join('|')) } : {}),
}));
const ABOUT_PROCESS = new RegExp(PROCESS);
const ABOUT_PERSON = new RegExp(PERSON);

const COMPILED_SIGNALS = SIGNALS.map((s) => ({
  category: s.category,
  strong: s.strong ? new RegExp(s.strong) : undefined,
  weak: s.weak ? new RegExp(s.weak, 'g') : undefined,
  needs: s.needs ? new RegExp(s.needs) : undefined,
}));

function signalled(sentence: string): Category | undefined {
  if (!ABOUT_PERSON.test(sentence)) return undefined;
  for (const s of COMPILED_SIGNALS) {
    if (s.needs && !s.needs.test(sentence)) continue;
    if (s.strong?.test(sentence)) return s.category;
    if (s.weak && new Set(sentence.match(s.weak) ?? []).size >= 2) return s.category;
  }
  return undefined;
}

const WEIGHTS: ModelWeights = MODEL;

/** The first category the text reads as a concern of, 'concern' when only the model says so, or undefined. */
export function concernCategory(text: string, o: { model?: boolean } = {}): Category | undefined {
  const about: string[] = [];
  for (const sentence of sentences(normalise(text))) {
    const hit = COMPILED.find((c) => c.harm.test(sentence));
    if (hit) return hit.category;
    if (ABOUT_PROCESS.test(sentence)) continue;
    about.push(sentence);
    const topic = COMPILED.find((c) => c.topic?.test(sentence));
    if (topic) return topic.category;
    const signal = signalled(sentence);
    if (signal) return signal;
  }
  if (o.model !== false && about.length && modelScore(WEIGHTS, about.join(' . ')) > WEIGHTS.threshold) return 'concern';
  return undefined;
}
