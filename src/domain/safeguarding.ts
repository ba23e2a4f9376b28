// A chat bot is no place for a child-protection concern. Text that reads like a disclosure or an
// allegation is not stored; the person is sent to the DSL. The detector errs towards redirecting
// (a false alarm costs one retyped sentence, a stored disclosure far more), but ordinary school
// improvement talk must pass: "we hit our attendance target", "allegations policy reviewed",
// "county lines awareness session". The patterns, by KCSIE category, are in safeguarding/patterns.ts,
// the spelling and text-speak normaliser in safeguarding/normalise.ts. They are scored on the
// labelled phrasings in test/fixtures/safeguarding: npm run eval:safeguarding.
import { concernCategory } from './safeguarding/matcher';
import type { Category } from './safeguarding/patterns';

export type { Category as ConcernCategory } from './safeguarding/patterns';
export { CATEGORIES as CONCERN_CATEGORIES } from './safeguarding/patterns';

/** The first KCSIE category the text reads as a concern of, or undefined. */
export function disclosureKind(text: string): Category | undefined {
  return concernCategory(text);
}

export function looksLikeDisclosure(text: string): boolean {
  return concernCategory(text) !== undefined;
}

export { dslsOf, safeguardingGuidance, type Guidance } from './safeguarding/guidance';
