// Screens text against the patterns: each category's `harm` patterns joined into one expression,
// its `topic` patterns into another (kept when the sentence is not about a policy or training).
// Compiled once at load; a screen is a few dozen regular-expression tests per sentence.
import { normalise, sentences } from './normalise';
import { PATTERNS, PROCESS, type Category } from './patterns';

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

/** The first category the text reads as a concern of, or undefined. */
export function concernCategory(text: string): Category | undefined {
  for (const sentence of sentences(normalise(text))) {
    const hit = COMPILED.find((c) => c.harm.test(sentence));
    if (hit) return hit.category;
    if (ABOUT_PROCESS.test(sentence)) continue;
    const topic = COMPILED.find((c) => c.topic?.test(sentence));
    if (topic) return topic.category;
  }
  return undefined;
}
