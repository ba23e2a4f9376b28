// The audit log: every decision, refusal, snooze and change of category, append-only.
import { z } from 'zod';

export const AuditEntrySchema = z.object({
  at: z.iso.datetime({ offset: true }),
  actorId: z.string().min(1),
  action: z.string().min(1),
  subject: z.string().optional(),
  outcome: z.enum(['ok', 'refused']).default('ok'),
  detail: z.record(z.string(), z.unknown()).default({}),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
