// How often something happens, as a trust file writes it ("fortnightly", "every 6 weeks", "3 per year"),
// read into data the scheduler can act on. Only the forms below: anything else is an error that lists them.
type Simple = 'weekly' | 'fortnightly' | 'monthly' | 'half-termly' | 'termly' | 'twice a year' | 'annually';

export type Cadence =
  | { kind: Simple; text: string }
  /** "every 6 weeks", "every 6 school weeks", "every 4-6 weeks", "every 18 months": min = max unless a range. */
  | { kind: 'every'; unit: 'weeks' | 'school weeks' | 'months'; min: number; max: number; text: string }
  /** "3 per year", "2 per term", "2 per half term". */
  | { kind: 'per'; count: number; period: 'year' | 'term' | 'half term'; text: string };

export const CADENCE_FORMS =
  'weekly, fortnightly, monthly, half-termly, termly, twice a year, annually, ' +
  '"every N weeks", "every N school weeks", "every N months" (N or a range such as 4-6), ' +
  'or a count: "N per year", "N per term", "N per half term"';

const SIMPLE: Record<string, Simple> = {
  weekly: 'weekly',
  fortnightly: 'fortnightly',
  monthly: 'monthly',
  'half-termly': 'half-termly',
  'half termly': 'half-termly',
  termly: 'termly',
  'twice a year': 'twice a year',
  annually: 'annually',
};

/** The cadence a text names, or undefined when it is not one of CADENCE_FORMS. */
export function parseCadence(raw: string): Cadence | undefined {
  const s = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  const simple = SIMPLE[s];
  if (simple) return { kind: simple, text: simple };
  const every = /^every (\d+)(?: ?(?:-|to) ?(\d+))? (weeks|school weeks|months)$/.exec(s);
  if (every) {
    const min = Number(every[1]);
    const max = every[2] === undefined ? min : Number(every[2]);
    const unit = every[3] as 'weeks' | 'school weeks' | 'months';
    if (min < 1 || max < min) return undefined;
    return { kind: 'every', unit, min, max, text: `every ${min === max ? min : `${min}-${max}`} ${unit}` };
  }
  const per = /^(\d+) (?:times )?per (year|term|half term|half-term)$/.exec(s);
  if (per && Number(per[1]) >= 1) {
    const period = per[2] === 'half-term' ? 'half term' : (per[2] as 'year' | 'term' | 'half term');
    return { kind: 'per', count: Number(per[1]), period, text: `${Number(per[1])} per ${period}` };
  }
  return undefined;
}
