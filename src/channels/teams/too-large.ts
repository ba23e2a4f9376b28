// Teams refuses a message over about 28 KB (413 MessageSizeTooBig). The bot measures each card
// before sending it, and sends in its place a short card that says what happened and what to type
// instead; the refusal is logged with the view's name (its card template) and size.
import type { Activity } from 'botbuilder';
import type { View } from '../../app/command';
import { messageCard } from '../../app/views/message-card';
import type { AdaptiveCard } from '../../cards/render';
import { renderCard } from '../../cards/render';
import { cardMessage } from './cards';

/** 28 KB, as Teams counts the whole activity. */
export const TEAMS_MAX_ACTIVITY_BYTES = 28 * 1024;
/** What the connector adds around the card (ids, names, serviceUrl, conversation): kept free. */
const ENVELOPE_BYTES = 1024;

export const bytesOf = (x: unknown): number => Buffer.byteLength(JSON.stringify(x), 'utf8');
export const kb = (bytes: number): number => Math.ceil(bytes / 1024);

/** What to type to get a smaller answer: the view's own hint, its paging line, or the general advice. */
export function narrowingHint(view: View): string {
  const { hint, more } = view.data as { hint?: unknown; more?: unknown };
  if (typeof hint === 'string' && hint.trim()) return hint.trim().replace(/\.$/, '');
  const next = typeof more === 'string' ? more.match(/\btype (.+?)\.?$/i) : null;
  if (next) return `ask for a page at a time (type ${next[1]})`;
  return 'add a school, hub or category, or ask for the next page (e.g. risk meeting page 2)';
}

export type Occasion = 'reply' | 'notification';

/** The short card a person sees instead of one Teams would refuse. */
export function tooLargeNotice(view: View, bytes: number | undefined, occasion: Occasion = 'reply'): AdaptiveCard {
  const size = bytes ? ` (${kb(bytes)} KB)` : '';
  const what = occasion === 'reply' ? 'That answer was' : 'A message for you was';
  return renderCard(messageCard(`${what} too large for Teams to show${size}`, `Narrow it: ${narrowingHint(view)}.`));
}

export interface Fitted {
  message: Partial<Activity>;
  /** Set when the card was too large and `message` is the notice instead. */
  refusedBytes?: number;
}

/** The card as a message if Teams will take it, else the notice (and a log line saying which view and how big). */
export function fitMessage(view: View, card: AdaptiveCard, occasion: Occasion, where: string): Fitted {
  const message = cardMessage(card);
  const bytes = bytesOf(message) + ENVELOPE_BYTES;
  if (bytes <= TEAMS_MAX_ACTIVITY_BYTES) return { message };
  logTooLarge(view, bytes, where, 'measured before sending');
  return { message: cardMessage(tooLargeNotice(view, bytes, occasion)), refusedBytes: bytes };
}

/** Fits a card that is answered in an invoke's HTTP response (Teams shows it as the message). */
export function fitCard(view: View, card: AdaptiveCard, where: string): AdaptiveCard {
  const fitted = fitMessage(view, card, 'reply', where);
  return fitted.refusedBytes ? (fitted.message.attachments![0]!.content as AdaptiveCard) : card;
}

export function logTooLarge(view: View, bytes: number | undefined, where: string, how: string): void {
  const size = bytes ? `${kb(bytes)} KB (${bytes} bytes)` : 'size unknown';
  console.warn(`[teams] view "${view.card}" is too large for Teams, ${size}, over ${kb(TEAMS_MAX_ACTIVITY_BYTES)} KB (${how}), in ${where}: sent a short notice instead`);
}
