// Schools of the trust, as Get Information about Schools describes them plus the trust's own fields.
import { z } from 'zod';

export const PHASES = ['nursery', 'primary', 'middle', 'secondary', 'all-through', 'special', 'alternative-provision', '16-plus'] as const;
export const PhaseSchema = z.enum(PHASES);
export type Phase = z.infer<typeof PhaseSchema>;

export const OFSTED_LEGACY = ['outstanding', 'good', 'requires-improvement', 'inadequate'] as const;
export const REPORT_CARD_GRADES = ['exceptional', 'strong', 'expected', 'needs-attention', 'urgent-improvement'] as const;
export const REPORT_CARD_AREAS = [
  'inclusion',
  'curriculum-and-teaching',
  'achievement',
  'attendance-and-behaviour',
  'personal-development-and-wellbeing',
  'leadership-and-governance',
  'early-years',
  'sixth-form',
] as const;

/** Ofsted outcomes: the four-point judgement before November 2025, report cards since. Both kept with their date. */
export const OfstedOutcomeSchema = z.discriminatedUnion('scheme', [
  z.object({ scheme: z.literal('legacy'), date: z.iso.date(), overall: z.enum(OFSTED_LEGACY) }),
  z.object({
    scheme: z.literal('report-card'),
    date: z.iso.date(),
    grades: z.partialRecord(z.enum(REPORT_CARD_AREAS), z.enum(REPORT_CARD_GRADES)),
    safeguardingMet: z.boolean(),
  }),
]);
export type OfstedOutcome = z.infer<typeof OfstedOutcomeSchema>;

export const SchoolSchema = z.object({
  id: z.string().min(1),
  urn: z.string().regex(/^\d{6,7}$/, 'a 6 or 7 digit URN'),
  name: z.string().min(1),
  phase: PhaseSchema,
  localAuthority: z.string().optional(),
  laestab: z.string().optional(),
  hub: z.string().optional(),
  headteacherId: z.string().optional(),
  dosiId: z.string().optional(),
  /** Current category id in the trust's framework. */
  categoryId: z.string().optional(),
  /** rag-5's URGENT ACTION overlay: applies on top of the category, at any time. */
  urgentAction: z.boolean().default(false),
  ofsted: z.array(OfstedOutcomeSchema).default([]),
});
export type School = z.infer<typeof SchoolSchema>;

export function latestOfsted(school: School): OfstedOutcome | undefined {
  return [...school.ofsted].sort((a, b) => b.date.localeCompare(a.date))[0];
}

export function describeOfsted(o: OfstedOutcome | undefined): string {
  if (!o) return 'not inspected';
  if (o.scheme === 'legacy') return `${o.overall.replace(/-/g, ' ')} (${o.date})`;
  const worst = Object.values(o.grades).sort((a, b) => REPORT_CARD_GRADES.indexOf(b) - REPORT_CARD_GRADES.indexOf(a))[0];
  return `report card, lowest grade ${worst?.replace(/-/g, ' ') ?? 'none'}, safeguarding ${o.safeguardingMet ? 'met' : 'not met'} (${o.date})`;
}
