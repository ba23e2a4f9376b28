// The neutral language between channels and the app: Commands in, Replies and Notifications out.
// Nothing here knows Teams, Slack or the playground.
import type { Approval, Person } from '../domain';
import type { CalendarPort } from '../domain/forums-calendar';
import type { Data } from '../store/schema';
import type { Store } from '../store/store';

export type Platform = 'teams' | 'slack' | 'local' | 'scheduler';

/** Who sent a command, as the platform knows them. The dispatcher resolves this to a Person. */
export interface Actor {
  platform: Platform;
  /** Teams aadObjectId, Slack user id, or the playground's person id. */
  userId?: string;
  email?: string;
  name?: string;
}

export interface Where {
  platform: Platform;
  /** A stored conversation's key, e.g. teams:<conversation id> or local:person:<id>. */
  conversationKey: string;
  kind: 'personal' | 'channel' | 'group';
  /** The platform shows replies here to the sender alone (Slack's slash-command responses). */
  repliesSeenBySenderOnly?: boolean;
}

export interface Command {
  actor: Actor;
  /** A text command's first word (`risk`), or a card action's verb (`approval.decide`). */
  name: string;
  /** The words after a text command's name. */
  args: string[];
  /** A card action's data and inputs. */
  data?: Record<string, unknown>;
  where: Where;
  /** Same key, same command: handled once (platform retries, double clicks). */
  dedupeKey?: string;
}

/** A card to show: the template in cards/ and the data it is expanded with. */
export interface View {
  card: string;
  data: Record<string, unknown>;
}

export interface Reply extends View {
  /** Replace the card the action came from, rather than post a new one. */
  replace?: boolean;
}

export type Target =
  | { person: string }
  | { conversation: string }
  | { digest: string };

export interface Notification extends View {
  to: Target;
  /** Names what the card is about (approval:ID), so a later update reaches every copy. */
  subject?: string;
  /** Update every posted copy of `subject` in place instead of posting. */
  update?: boolean;
  /** Set by `journal`: the notification is also in the document's outbox until it is queued. */
  journalId?: string;
}

export interface Outcome {
  replies: Reply[];
  notifications: Notification[];
  /** True when the dedupe key had been seen: nothing was done again. */
  duplicate?: boolean;
}

export interface Context {
  store: Store;
  now: () => Date;
  timeZone: string;
  newId: () => string;
  /** Secret key for survey responder hashes; lives outside the data it protects. */
  surveyKey: Buffer;
  /** What each kind of decision does once decided, gathered from the workflows by the dispatcher. */
  decisionEffects: Partial<Record<Approval['kind'], DecisionEffect>>;
  /** Calendar events with a Teams meeting (Microsoft Graph), when configured. */
  calendar?: CalendarPort;
}

/**
 * Applies a decided approval inside the same transaction as the decision (so both land or neither),
 * and says who to tell. `approval` already carries its new status.
 */
export type DecisionEffect = (draft: Data, approval: Approval, ctx: Context) => Notification[];

export interface Request {
  cmd: Command;
  person: Person;
  data: Readonly<Data>;
}

export function outcome(replies: Reply[] = [], notifications: Notification[] = []): Outcome {
  return { replies, notifications };
}

export function reply(card: string, data: Record<string, unknown>, replace = false): Outcome {
  return outcome([{ card, data, replace }]);
}
