// Trust forums and networks: invitations, RSVPs and who is expected to come.
import { z } from 'zod';

export const RSVPS = ['accepted', 'tentative', 'declined'] as const;

export const ForumSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  /** school-improvement, send, dsl, attendance, y6, eyfs, strategic-heads, governor-hub … */
  kind: z.string().min(1),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  location: z.string().optional(),
  onlineMeetingUrl: z.url().optional(),
  graphEventId: z.string().optional(),
  /** Categories whose headteachers are expected to attend. */
  expectedCategories: z.array(z.string()).default([]),
  invites: z
    .array(
      z.object({
        personId: z.string().min(1),
        invitedAt: z.iso.datetime({ offset: true }),
        rsvp: z.enum(RSVPS).optional(),
        rsvpAt: z.iso.datetime({ offset: true }).optional(),
        expected: z.boolean().default(false),
        nudgedAt: z.iso.datetime({ offset: true }).optional(),
        /** The day-before reminder, sent once. */
        remindedAt: z.iso.datetime({ offset: true }).optional(),
      }),
    )
    .default([]),
  createdById: z.string().min(1),
});
export type Forum = z.infer<typeof ForumSchema>;
