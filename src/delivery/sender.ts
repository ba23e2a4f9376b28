// What a channel adapter gives the outbox: a way to post and update cards in its conversations.
import type { View } from '../app/command';
import type { AdaptiveCard } from '../cards/render';
import type { Person } from '../domain';
import type { Conversation } from '../store/schema';

export interface Sender {
  platform: Conversation['platform'];
  /** Smallest gap between two sends to one conversation (Teams about 7/s, Slack about 1/s a channel). */
  minGapMs: number;
  /** Posts a card; `deliveryId` travels with the message where the platform keeps such a tag (Slack's metadata). */
  post(conv: Conversation, view: View, card: AdaptiveCard, deliveryId?: string): Promise<{ messageId: string }>;
  /**
   * Whether a send already reached the conversation (an instance died between the platform's answer and
   * recording it): the message, if the platform can say. Without it, such a send may be repeated once.
   */
  wasPosted?(conv: Conversation, deliveryId: string): Promise<{ messageId: string } | undefined>;
  update(conv: Conversation, messageId: string, view: View, card: AdaptiveCard): Promise<void>;
  /** Opens a 1:1 chat with someone the bot has no conversation with yet (Teams can; Slack can). */
  reach?(person: Person): Promise<Conversation | undefined>;
}

/**
 * rate-limited: try again after retryAfterMs; blocked: the conversation is gone or refuses the bot;
 * refused: the platform will never take this message (too large): retrying cannot help; failed: anything else.
 */
export type DeliveryFailure = 'rate-limited' | 'blocked' | 'refused' | 'failed';

export class DeliveryError extends Error {
  constructor(
    readonly kind: DeliveryFailure,
    message: string,
    readonly retryAfterMs = 0,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}
