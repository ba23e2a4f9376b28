// The half-termly risk round: questions answered per school, a proposed category, the meeting's decision.
import { z } from 'zod';
import { OfstedOutcomeSchema } from './schools';

export const RiskAnswersSchema = z.object({
  /** Which of the framework's criteria the school recognises in itself, as `<category id>#<index>`. */
  criteriaMet: z.array(z.string()).default([]),
  ofsted: OfstedOutcomeSchema.optional(),
  /** Attendance percentage and the national figure it is compared with. */
  attendance: z.number().min(0).max(100),
  nationalAttendance: z.number().min(0).max(100),
  safeguardingConcerns: z.boolean(),
  leadershipChange: z.boolean(),
  notes: z.string().max(2000).default(''),
});
export type RiskAnswers = z.infer<typeof RiskAnswersSchema>;

export const RISK_ENTRY_STATUSES = ['awaiting-answers', 'answered', 'decided', 'awaiting-ceo', 'published', 'disputed'] as const;

export const RiskEntrySchema = z.object({
  schoolId: z.string().min(1),
  answers: RiskAnswersSchema.optional(),
  answeredById: z.string().optional(),
  answeredAt: z.iso.datetime({ offset: true }).optional(),
  proposed: z.string().optional(),
  proposedUrgentAction: z.boolean().default(false),
  proposalReason: z.string().optional(),
  /** The proposal's reasons one by one, as the rule gave them. */
  proposalReasons: z.array(z.string()).default([]),
  decided: z.string().optional(),
  decidedUrgentAction: z.boolean().default(false),
  decidedById: z.string().optional(),
  rationale: z.string().optional(),
  approvalId: z.string().optional(),
  /** The CategoryChange that carried the decision, once it is in categoryHistory. */
  changeId: z.string().optional(),
  status: z.enum(RISK_ENTRY_STATUSES),
  dispute: z.object({ byId: z.string(), text: z.string(), approvalId: z.string() }).optional(),
});
export type RiskEntry = z.infer<typeof RiskEntrySchema>;

export const RiskRoundSchema = z.object({
  id: z.string().min(1),
  halfTermId: z.string().min(1),
  openedById: z.string().min(1),
  openedAt: z.iso.datetime({ offset: true }),
  status: z.enum(['open', 'closed']),
  entries: z.array(RiskEntrySchema),
});
export type RiskRound = z.infer<typeof RiskRoundSchema>;
