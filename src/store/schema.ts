// The stored document and the append-only logs, each record validated with zod on load and on write.
import { z } from 'zod';
import {
  ApprovalSchema,
  AuditEntrySchema,
  CategoryChangeSchema,
  ForumSchema,
  IsapActionSchema,
  PersonSchema,
  RiskRoundSchema,
  SchoolSchema,
  SurveyResponseSchema,
  SurveySchema,
  TalentEntrySchema,
  TrustSchema,
} from '../domain';

export const SCHEMA_VERSION = 1;

/** A place the bot can post to: a person's 1:1 chat or a channel, on one platform. */
export const ConversationSchema = z.object({
  key: z.string().min(1),
  platform: z.enum(['teams', 'slack', 'local']),
  kind: z.enum(['personal', 'channel', 'group']),
  personId: z.string().optional(),
  name: z.string().optional(),
  /** The platform's own reference (Teams ConversationReference, Slack channel id), opaque here. */
  ref: z.unknown(),
  blocked: z.boolean().default(false),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Conversation = z.infer<typeof ConversationSchema>;

export const DIGESTS = ['weekly-slt', 'risk-pack', 'board-termly'] as const;
export const SubscriptionSchema = z.object({
  conversationKey: z.string().min(1),
  digest: z.enum(DIGESTS),
  byId: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
});
export type Subscription = z.infer<typeof SubscriptionSchema>;

/** A card posted on a platform that later changes (an approval), so every copy can be updated. */
export const PostedCardSchema = z.object({
  subject: z.string().min(1),
  conversationKey: z.string().min(1),
  platform: z.enum(['teams', 'slack', 'local']),
  messageId: z.string().min(1),
});
export type PostedCard = z.infer<typeof PostedCardSchema>;

/** A notification journalled with the change it reports (see Data.outbox). */
export const OutboxEntrySchema = z.object({ id: z.string().min(1), notification: z.record(z.string(), z.unknown()) });
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;

export const DataSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  trust: TrustSchema.nullable(),
  schools: z.array(SchoolSchema),
  people: z.array(PersonSchema),
  categoryHistory: z.array(CategoryChangeSchema),
  riskRounds: z.array(RiskRoundSchema),
  isapActions: z.array(IsapActionSchema),
  forums: z.array(ForumSchema),
  talent: z.array(TalentEntrySchema),
  surveys: z.array(SurveySchema),
  /** Per survey, the keyed hashes of who has answered, kept sorted so their order says nothing. */
  surveyResponders: z.record(z.string(), z.array(z.string())),
  approvals: z.array(ApprovalSchema),
  subscriptions: z.array(SubscriptionSchema),
  conversations: z.array(ConversationSchema),
  postedCards: z.array(PostedCardSchema),
  /** Last run of each scheduled job, so runs missed while down are caught up at start. */
  jobRuns: z.record(z.string(), z.iso.datetime({ offset: true })),
  /** De-duplication keys of commands already handled (most recent last, bounded). */
  processed: z.array(z.string()),
  /**
   * Notifications written in the same transaction as the change they report (a reminder and the
   * escalation level it raises): the outbox moves them to the deliveries log and clears them, and
   * replays any left here by a crash, so a change and its message land together or not at all.
   */
  outbox: z.array(OutboxEntrySchema).default([]),
});
export type Data = z.infer<typeof DataSchema>;

export function emptyData(): Data {
  return {
    schemaVersion: SCHEMA_VERSION,
    trust: null,
    schools: [],
    people: [],
    categoryHistory: [],
    riskRounds: [],
    isapActions: [],
    forums: [],
    talent: [],
    surveys: [],
    surveyResponders: {},
    approvals: [],
    subscriptions: [],
    conversations: [],
    postedCards: [],
    jobRuns: {},
    processed: [],
    outbox: [],
  };
}

export const DeliverySchema = z.object({
  id: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
  state: z.enum(['queued', 'sent', 'failed', 'blocked']),
  /** Present on 'queued': what to send, so a restart can finish the job. */
  notification: z.unknown().optional(),
  attempts: z.number().int().min(0).default(0),
  error: z.string().optional(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

export const LOGS = {
  audit: AuditEntrySchema,
  surveyResponses: SurveyResponseSchema,
  deliveries: DeliverySchema,
} as const;
export type LogName = keyof typeof LOGS;
export type LogRecord<K extends LogName> = z.infer<(typeof LOGS)[K]>;
