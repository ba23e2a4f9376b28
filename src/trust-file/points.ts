// How a category question's answer points to a proposed category: `if` an answer, `then` a move.
//   if:   yes / no (yes-no); one of the options (choice); "below 90", "above 5", "3 or more below <question id>" (number)
//   then: "at least <category id>", "one worse", "worst", "overlay" (or the overlay's id)
export type PointIf =
  | { answer: string }
  | { below: number }
  | { above: number }
  | { belowQuestion: string; by: number };

export type PointThen = { atLeast: string } | { oneWorse: true } | { worst: true } | { overlay: true };

export interface PointRule {
  if: PointIf;
  then: PointThen;
}

export const IF_FORMS: Record<string, string> = {
  'yes-no': 'yes or no',
  choice: 'one of the question\'s options',
  number: '"below N", "above N" or "N or more below <question id>"',
};
export const THEN_FORMS = '"at least <category id>", "one worse", "worst" or "overlay"';

export function parseIf(kind: string, raw: string, options: readonly string[]): PointIf | undefined {
  const s = raw.trim();
  if (kind === 'yes-no') return /^(yes|no|true|false)$/i.test(s) ? { answer: /^(yes|true)$/i.test(s) ? 'yes' : 'no' } : undefined;
  if (kind === 'choice') return options.includes(s) ? { answer: s } : undefined;
  if (kind !== 'number') return undefined;
  const cmp = /^(below|above) (-?\d+(?:\.\d+)?)$/i.exec(s);
  if (cmp) return cmp[1]!.toLowerCase() === 'below' ? { below: Number(cmp[2]) } : { above: Number(cmp[2]) };
  const rel = /^(\d+(?:\.\d+)?) or more below ([a-z0-9-]+)$/i.exec(s);
  if (rel) return { belowQuestion: rel[2]!, by: Number(rel[1]) };
  return undefined;
}

export function parseThen(raw: string, overlayId: string | undefined): PointThen | undefined {
  const s = raw.trim();
  if (/^one worse$/i.test(s)) return { oneWorse: true };
  if (/^worst$/i.test(s)) return { worst: true };
  if (/^overlay$/i.test(s) || (overlayId !== undefined && s === overlayId)) return { overlay: true };
  const at = /^at least ([a-z0-9-]+)$/i.exec(s);
  return at ? { atLeast: at[1]! } : undefined;
}
