// The playground's conversations: what the bot and the people said in each local conversation,
// kept in memory (a newcomer's session, not a record). Every change gets a sequence number, so the
// page can show what is new and mark conversations with messages not yet read.
import type { AdaptiveCard } from '../../cards/render';

export type Author = { kind: 'bot' } | { kind: 'person'; id: string; name: string };

export interface Message {
  id: string;
  /** Sequence of the last change to this message (posted or updated). */
  seq: number;
  from: Author;
  at: string;
  text?: string;
  card?: AdaptiveCard;
  updated?: boolean;
}

export interface InboxChange {
  conversationKey: string;
  seq: number;
}

/** Enough history for a demo without letting a long session grow without bound. */
const MAX_PER_CONVERSATION = 200;

export class Inbox {
  private seq = 0;
  private readonly byConversation = new Map<string, Message[]>();
  private readonly readUpTo = new Map<string, number>();
  private readonly listeners = new Set<(c: InboxChange) => void>();

  constructor(
    private readonly now: () => Date,
    private readonly newId: () => string,
  ) {}

  messages(conversationKey: string): readonly Message[] {
    return this.byConversation.get(conversationKey) ?? [];
  }

  add(conversationKey: string, m: { from: Author; text?: string; card?: AdaptiveCard }): Message {
    const list = this.byConversation.get(conversationKey) ?? [];
    const msg: Message = { id: this.newId(), seq: ++this.seq, at: this.now().toISOString(), ...m };
    list.push(msg);
    if (list.length > MAX_PER_CONVERSATION) list.splice(0, list.length - MAX_PER_CONVERSATION);
    this.byConversation.set(conversationKey, list);
    // What a person types is read by them already.
    if (m.from.kind === 'person') this.readUpTo.set(conversationKey, msg.seq);
    this.emit(conversationKey, msg.seq);
    return msg;
  }

  /** Replaces a message's card in place; false when the message is not (or no longer) here. */
  replace(conversationKey: string, messageId: string, card: AdaptiveCard): boolean {
    const msg = this.byConversation.get(conversationKey)?.find((m) => m.id === messageId);
    if (!msg) return false;
    msg.card = card;
    msg.seq = ++this.seq;
    msg.updated = true;
    this.emit(conversationKey, msg.seq);
    return true;
  }

  has(conversationKey: string, messageId: string): boolean {
    return this.messages(conversationKey).some((m) => m.id === messageId);
  }

  markRead(conversationKey: string): void {
    const last = Math.max(0, ...this.messages(conversationKey).map((m) => m.seq));
    this.readUpTo.set(conversationKey, last);
  }

  /** Messages from the bot changed since the conversation was last opened. */
  unread(conversationKey: string): number {
    const seen = this.readUpTo.get(conversationKey) ?? 0;
    return this.messages(conversationKey).filter((m) => m.seq > seen && m.from.kind === 'bot').length;
  }

  subscribe(fn: (c: InboxChange) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(conversationKey: string, seq: number): void {
    for (const fn of this.listeners) fn({ conversationKey, seq });
  }
}
