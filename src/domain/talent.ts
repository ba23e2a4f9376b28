// The talent register: nomination → reference → visit and interview → CEO offer → on the register.
import { z } from 'zod';
import { PhaseSchema } from './schools';

export const TALENT_STAGES = ['nominated', 'referenced', 'interviewed', 'offer-pending', 'on-register', 'declined', 'withdrawn'] as const;

export const TalentEntrySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(200),
  schoolId: z.string().min(1),
  post: z.string().min(1).max(200),
  phase: PhaseSchema,
  expertise: z.array(z.string().min(1)).min(1),
  supportAvailable: z.string().max(2000).default(''),
  nominatedById: z.string().min(1),
  nominatedAt: z.iso.datetime({ offset: true }),
  stage: z.enum(TALENT_STAGES),
  reference: z.string().optional(),
  visit: z.object({ date: z.iso.date(), notes: z.string(), recordedById: z.string(), outcome: z.enum(['recommend', 'not-yet']) }).optional(),
  approvalId: z.string().optional(),
  addedAt: z.iso.datetime({ offset: true }).optional(),
  /** Refreshed annually; due again a year after this date. */
  refreshedAt: z.iso.date().optional(),
});
export type TalentEntry = z.infer<typeof TalentEntrySchema>;
