// The trust itself and the settings it chooses.
import { z } from 'zod';
import { AcademicCalendarSchema } from './calendar';
import { FrameworkSchema } from './categories';
import { PhaseSchema } from './schools';
import { AnonymityRulesSchema } from './surveys';

export const TrustSettingsSchema = z.object({
  /** School days overdue at which each rung is told: owner, headteacher, DoSI, CEO. */
  escalationDays: z.tuple([z.number().int().min(0), z.number().int().min(0), z.number().int().min(0), z.number().int().min(0)]).default([1, 5, 10, 20]),
  /** Reminder this many school days before an action falls due. */
  reminderDaysBefore: z.number().int().min(0).default(3),
  /** Extensions longer than this many school days go to the CEO instead of the DoSI. */
  extensionCeoAfterDays: z.number().int().min(1).default(20),
  /** Pending decisions older than this many school days are flagged in the digest. */
  pendingDecisionFlagDays: z.number().int().min(1).default(5),
  anonymity: AnonymityRulesSchema.default({ minGroup: 5, minFreeText: 10 }),
  /**
   * National attendance (%) by phase, given once by the trust (`risk national`) rather than typed by
   * every headteacher into every round's questions.
   */
  nationalAttendance: z.partialRecord(PhaseSchema, z.number().min(0).max(100)).default({}),
});
export type TrustSettings = z.infer<typeof TrustSettingsSchema>;

export const TrustSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** The framework in use: a preset id or one the trust defined. */
  framework: FrameworkSchema,
  calendar: AcademicCalendarSchema,
  settings: TrustSettingsSchema,
  teamsTenantId: z.string().optional(),
});
export type Trust = z.infer<typeof TrustSchema>;
