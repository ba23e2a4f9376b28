// Decisions only the CEO (or the Chair, for disputes) may take.
import { z } from 'zod';
import { RoleSchema } from './people';

export const APPROVAL_KINDS = [
  'category-move',
  'rrcp',
  'talent-offer',
  'isap-extension',
  'support-deployment',
  'category-dispute',
] as const;

export const ApprovalSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(APPROVAL_KINDS),
  title: z.string().min(1),
  schoolId: z.string().optional(),
  facts: z.array(z.object({ title: z.string(), value: z.string() })).default([]),
  recommendation: z.string().default(''),
  /** For disputes: the two cases put side by side. */
  cases: z.array(z.object({ side: z.string(), text: z.string() })).default([]),
  requestedById: z.string().min(1),
  requestedAt: z.iso.datetime({ offset: true }),
  /** Who may decide. */
  deciderRoles: z.array(RoleSchema).min(1),
  /** Withdrawn: what it asked for fell away before anyone decided (an action completed during its extension request). */
  status: z.enum(['pending', 'approved', 'rejected', 'withdrawn']),
  decidedById: z.string().optional(),
  decidedAt: z.iso.datetime({ offset: true }).optional(),
  comment: z.string().optional(),
  /** What happens on approval, read by the workflow that raised it. */
  payload: z.record(z.string(), z.unknown()).default({}),
});
export type Approval = z.infer<typeof ApprovalSchema>;

export const OUTCOME_WORD: Record<Approval['status'], string> = { pending: 'Waiting', approved: 'Approved', rejected: 'Rejected', withdrawn: 'Withdrawn' };
