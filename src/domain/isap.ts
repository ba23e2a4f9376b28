// Individual School Action Plans: actions with an owner, a due date, a RAG and evidence of impact.
import { z } from 'zod';

export const RAGS = ['red', 'amber', 'green'] as const;
export type Rag = (typeof RAGS)[number];

/**
 * How an action's RAG reads: its progress, in words and a marker of its own, so it is never taken for
 * the school's category (an AMBER school's action is "Off track", not "RED"). Stored values stay red/amber/green.
 */
export const RAG_LABELS: Record<Rag, string> = { red: '⛔ Off track', amber: '⚠️ At risk', green: '✅ On track' };

export function ragLabel(rag: Rag): string {
  return RAG_LABELS[rag];
}

export const ExtensionRequestSchema = z.object({
  id: z.string().min(1),
  requestedById: z.string().min(1),
  requestedAt: z.iso.datetime({ offset: true }),
  newDue: z.iso.date(),
  reason: z.string().min(1),
  /** School days beyond the current due date; decides who approves. */
  schoolDays: z.number().int().min(0),
  status: z.enum(['pending', 'approved', 'rejected', 'withdrawn']),
  approvalId: z.string().optional(),
});
export type ExtensionRequest = z.infer<typeof ExtensionRequestSchema>;

export const IsapActionSchema = z.object({
  id: z.string().min(1),
  schoolId: z.string().min(1),
  title: z.string().min(1).max(500),
  /** Strand such as Leadership and Governance, Quality of Education, Inclusion. */
  strand: z.string().optional(),
  ownerId: z.string().min(1),
  due: z.iso.date(),
  status: z.enum(['open', 'complete']),
  rag: z.enum(RAGS),
  evidence: z.string().optional(),
  completedAt: z.iso.datetime({ offset: true }).optional(),
  snoozedUntil: z.iso.date().optional(),
  snoozeReason: z.string().optional(),
  extensions: z.array(ExtensionRequestSchema).default([]),
  /** The highest rung of the escalation ladder already notified (0 none, 1 owner … 4 CEO). */
  escalationLevel: z.number().int().min(0).max(4).default(0),
  /** The due date the owner was last reminded of, so each due date is reminded once. */
  remindedFor: z.iso.date().optional(),
  /** Progress notes from updates, newest last. */
  notes: z.array(z.object({ at: z.iso.datetime({ offset: true }), byId: z.string().min(1), text: z.string().min(1) })).optional(),
  /** Where it came from: a risk-round outcome or a person. */
  source: z.string().optional(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type IsapAction = z.infer<typeof IsapActionSchema>;

export function isOverdue(a: IsapAction, today: string): boolean {
  return a.status === 'open' && a.due < today && !(a.snoozedUntil && a.snoozedUntil >= today);
}
