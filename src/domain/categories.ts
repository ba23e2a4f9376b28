// Category frameworks: how a trust places each school. Presets come from the seed documents.
import { z } from 'zod';

export const CategorySchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  /** Short form shown in tight places: a letter (Flying High) or the colour. */
  short: z.string().min(1),
  /** 0 is the strongest; higher means more concern. */
  rank: z.number().int().min(0),
  colour: z.enum(['good', 'accent', 'warning', 'attention', 'default']).default('default'),
  criteria: z.array(z.string()).default([]),
  support: z.array(z.string()).default([]),
  reviewCadence: z.array(z.string()).default([]),
  expectedDuration: z.string().optional(),
  /** A move into this category is a CEO decision. */
  needsCeo: z.boolean().default(false),
  /** Remedial actions added to the school's ISAP when a school moves in. */
  remedialActions: z.array(z.string()).default([]),
});
export type Category = z.infer<typeof CategorySchema>;

export const FrameworkSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  categories: z.array(CategorySchema).min(2),
  /** An overlay applies on top of any category at any time (rag-5's URGENT ACTION). */
  overlay: CategorySchema.optional(),
});
export type Framework = z.infer<typeof FrameworkSchema>;

export const CategoryChangeSchema = z.object({
  id: z.string().min(1),
  schoolId: z.string().min(1),
  from: z.string().optional(),
  to: z.string().min(1),
  urgentAction: z.boolean().default(false),
  at: z.iso.datetime({ offset: true }),
  halfTermId: z.string().optional(),
  byId: z.string().min(1),
  rationale: z.string().min(1),
  evidence: z.array(z.string()).default([]),
  approvalId: z.string().optional(),
});
export type CategoryChange = z.infer<typeof CategoryChangeSchema>;

export function categoryById(fw: Framework, id: string | undefined): Category | undefined {
  if (!id) return undefined;
  if (fw.overlay?.id === id) return fw.overlay;
  return fw.categories.find((c) => c.id === id);
}

/** A colour word in a category's label wins ("AMBER" is amber whatever its role); else its colour role. */
const MARKER_BY_WORD: [RegExp, string][] = [
  [/\bgreen\b/i, '🟢'],
  [/\byellow\b/i, '🟡'],
  [/\b(amber|orange)\b/i, '🟠'],
  [/\bred\b/i, '🔴'],
  [/\bblue\b/i, '🔵'],
  [/\bpurple\b/i, '🟣'],
];
const MARKER_BY_COLOUR: Record<Category['colour'], string> = { good: '🟢', accent: '🔵', warning: '🟠', attention: '🔴', default: '⚪' };
/** The overlay sits on top of a category: a sign of its own, not a second colour. */
export const OVERLAY_MARKER = '❗';

/**
 * A small coloured marker for a category, the same on Teams, Slack and the playground (an emoji: the
 * one colour both platforms draw in text). Shape and word go with it, so colour is never the only cue.
 */
export function categoryMarker(c: Pick<Category, 'label' | 'colour'>): string {
  return MARKER_BY_WORD.find(([re]) => re.test(c.label))?.[1] ?? MARKER_BY_COLOUR[c.colour];
}

export function worstCategory(fw: Framework): Category {
  return [...fw.categories].sort((a, b) => b.rank - a.rank)[0]!;
}

/** A move needs the CEO when the framework marks the destination (the worst category, the overlay). */
export function moveNeedsCeo(fw: Framework, to: string, urgentAction: boolean): boolean {
  if (urgentAction && fw.overlay?.needsCeo) return true;
  return categoryById(fw, to)?.needsCeo ?? false;
}

const carter = (c: Omit<z.input<typeof CategorySchema>, 'colour'> & { colour: Category['colour'] }) => CategorySchema.parse(c);

/** Stabilise / Repair / Improve / Sustain (DfE MAT guidance; Flying High letters D/C/B/A; Flourishing Futures phases). */
export const CARTER_4: Framework = FrameworkSchema.parse({
  id: 'carter-4',
  name: 'Stabilise, Repair, Improve, Sustain',
  categories: [
    carter({
      id: 'sustain',
      label: 'Sustain',
      short: 'A',
      rank: 0,
      colour: 'good',
      expectedDuration: '3-5 years',
      criteria: [
        'Leadership at all levels is distributed and drives school priorities',
        'Governance strong and sustainable',
        'Outcomes consistently at or above national; gaps closing and sustained',
        'Capacity to support other schools in Stabilise or Repair',
      ],
      support: ['Headteacher+ supports other schools', 'Peer review as a reviewer', 'Leads trust networks and hubs'],
      reviewCadence: ['QA visit termly', 'Risk meeting half-termly', 'Partnership review annually'],
    }),
    carter({
      id: 'improve',
      label: 'Improve',
      short: 'B',
      rank: 1,
      colour: 'accent',
      expectedDuration: '1-2 years',
      criteria: [
        'SLT drives the quality assurance cycle',
        'Improved outcomes at all levels, gaps reducing in a targeted way',
        'Attendance in line with national; vulnerable pupil gaps narrowing',
      ],
      support: ['Hub collaboration on common improvement areas', 'Targeted subject support', 'Peer review'],
      reviewCadence: ['QA visit half-termly', 'Risk meeting half-termly', 'Partnership review annually'],
    }),
    carter({
      id: 'repair',
      label: 'Repair',
      short: 'C',
      rank: 2,
      colour: 'warning',
      expectedDuration: '1 year maximum',
      criteria: [
        'Leaders evidence actions and improvements through QA',
        'Early reading coaching remains the priority',
        'SENDCO not yet working strategically',
        'Some demonstrable improvement but not yet secure',
      ],
      support: ['School partner visits fortnightly', 'Incremental coaching', 'Trust SEND and attendance network support'],
      reviewCadence: ['ISAP reviewed weekly by SLT', 'QA visit half-termly', 'Risk meeting half-termly'],
      remedialActions: ['Agree Repair-phase ISAP priorities with the school partner', 'Book fortnightly school partner visits for the half term'],
    }),
    carter({
      id: 'stabilise',
      label: 'Stabilise',
      short: 'D',
      rank: 3,
      colour: 'attention',
      expectedDuration: '6-12 weeks',
      needsCeo: true,
      criteria: [
        'Insufficient leadership capacity to drive the improvements necessary',
        'Safeguarding, behaviour or attendance need immediate action',
        'Likely to be judged inadequate or urgent improvement if inspected',
      ],
      support: ['Interim executive headteacher where needed', 'Rapid School Improvement Board', 'Weekly school partner support'],
      reviewCadence: ['Rapid Improvement Board fortnightly', 'ISAP reviewed weekly', 'Risk meeting half-termly'],
      remedialActions: [
        'Convene a Rapid School Improvement Board',
        'Complete a safeguarding review',
        'Write the Stabilise-phase ISAP with the school partner',
      ],
    }),
  ],
});

/** GREEN / YELLOW / AMBER / RED, plus URGENT ACTION at any time (Pele Trust). */
export const RAG_5: Framework = FrameworkSchema.parse({
  id: 'rag-5',
  name: 'Green, Yellow, Amber, Red and Urgent Action',
  categories: [
    {
      id: 'green',
      label: 'GREEN',
      short: 'G',
      rank: 0,
      colour: 'good',
      criteria: [
        "Recently judged securely 'good' or 'outstanding' (or strong standard) by Ofsted",
        "Likely to be judged 'good' or better on internal self-evaluation",
        'Close to floor standards but above-average progress',
      ],
      support: ['Peer review annually (focus agreed by HT/CEO)', 'Safeguarding review annually', 'Headteacher appraisal'],
      reviewCadence: ['Peer review annually', 'Safeguarding review annually'],
    },
    {
      id: 'yellow',
      label: 'YELLOW',
      short: 'Y',
      rank: 1,
      colour: 'accent',
      criteria: [
        'New headteacher and/or inexperienced senior leadership team',
        "Judged 'requires improvement' but making rapid improvement",
        'Uncharacteristic dip in outcomes (1 year)',
      ],
      support: ['Peer review annually (whole school focus)', 'Safeguarding review annually', 'Executive Team review termly'],
      reviewCadence: ['Executive Team review termly', 'Peer review annually'],
    },
    {
      id: 'amber',
      label: 'AMBER',
      short: 'A',
      rank: 2,
      colour: 'warning',
      criteria: [
        "Recently judged 'requires improvement' and not making rapid improvement",
        'Emerging trend of declining performance from good or outstanding',
        'Significantly below comparable schools',
      ],
      support: ['Peer review bi-annually', 'Rapid Response Commitment Plan developed by the CEO', 'Executive Team review half-termly'],
      reviewCadence: ['Executive Team review half-termly', 'Peer review twice a year', 'Safeguarding review annually'],
      remedialActions: ['Draft the Rapid Response Commitment Plan with the CEO', 'Schedule the half-termly Executive Team review'],
    },
    {
      id: 'red',
      label: 'RED',
      short: 'R',
      rank: 3,
      colour: 'attention',
      needsCeo: true,
      criteria: [
        'Recently judged to require an Ofsted category, or likely to be judged inadequate',
        'In receipt of a warning letter',
        'Failing to respond sufficiently to trust support with urgency',
        'Year on year decline in performance (3 years)',
      ],
      support: ['Peer review termly', 'Safeguarding review bi-annually', 'Rapid Response Commitment Plan developed by the CEO', 'Executive Team review monthly'],
      reviewCadence: ['Executive Team review monthly', 'Peer review termly', 'Safeguarding review twice a year'],
      remedialActions: [
        'Agree the Rapid Response Commitment Plan with the CEO',
        'Book the termly peer review',
        'Book the safeguarding review',
      ],
    },
  ],
  overlay: {
    id: 'urgent-action',
    label: 'URGENT ACTION',
    short: 'UA',
    rank: 4,
    colour: 'attention',
    needsCeo: true,
    criteria: [
      'Serious financial concerns, including financial impropriety',
      'Safeguarding concerns',
      'A breakdown in discipline and behaviour',
      'Inadequate leadership and management practices',
      'A number of qualifying complaints from parents or staff',
      'Long-term absence of the headteacher or deputy',
    ],
    support: ['CEO commissions a senior leader to investigate', 'Written report to the CEO and directors', 'Urgent Action Plan'],
    reviewCadence: ['Weekly until the Urgent Action Plan is signed off'],
    remedialActions: ['Commission the urgent investigation', 'Write the report to the CEO and directors', 'Implement the Urgent Action Plan'],
  },
});

export const PRESETS: Record<string, Framework> = { [CARTER_4.id]: CARTER_4, [RAG_5.id]: RAG_5 };
