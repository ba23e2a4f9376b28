// When Slack refuses what we send (invalid_blocks, msg_too_long, a response_url that says no), the
// person gets a short message saying so and what to type instead, and the operator a log line that
// names the view (its card template) and its size. Pure, but for the log line.
import { clip, LIMITS } from './limits';

/** Web API errors that mean "Slack will not show this content": sending it again cannot help. */
const REFUSED = new Set(['invalid_blocks', 'invalid_blocks_format', 'msg_too_long', 'msg_blocks_too_long', 'too_many_attachments', 'invalid_attachments', 'invalid_arguments']);

/** An error from a response_url post: its HTTP status and Slack's error, when it gave one. */
export class ResponseUrlError extends Error {
  constructor(
    readonly status: number,
    readonly error: string | undefined,
  ) {
    super(`response_url answered ${status}${error ? ` (${error})` : ''}`);
    this.name = 'ResponseUrlError';
  }
}

/** Slack's reason for refusing the content, or undefined when the failure is something else (expired URL, network). */
export function refusalOf(e: unknown): string | undefined {
  if (e instanceof ResponseUrlError) {
    if (e.error && REFUSED.has(e.error)) return e.error;
    // 404/410 is an expired or used-up URL: the reply can still be posted. A 400 or 413 is the content.
    return e.status === 400 || e.status === 413 ? (e.error ?? `HTTP ${e.status}`) : undefined;
  }
  const code = (e as { data?: { error?: string } }).data?.error;
  return code && REFUSED.has(code) ? code : undefined;
}

/** What to type for a smaller view of the same thing, by the card's workflow. */
function whatToType(card: string): string {
  const word = card.split('-')[0];
  switch (word) {
    case 'risk':
      return '`/improve risk <school>` to see one school';
    case 'isap':
      return '`/improve isap <school>` to see one school\'s plan';
    case 'survey':
    case 'forum':
    case 'talent':
    case 'digest':
      return `\`/improve ${word}\``;
    case 'approval':
      return '`/improve approvals`';
    default:
      return '`/improve help`';
  }
}

/** The short message a person reads instead of a view Slack refused. */
export function refusedMessage(card: string, reason: string, kind: 'reply' | 'notification'): { text: string; blocks: Record<string, unknown>[] } {
  const why = /too_long|413/.test(reason) ? 'it is too long for Slack' : 'Slack refused its layout';
  const done = kind === 'reply' ? 'What you asked for was done; only showing it failed.' : 'A message for you could not be shown here.';
  const text = clip(`${done} The ${card} view could not be shown: ${why}. Type ${whatToType(card)}, or \`/improve help\`.`, LIMITS.sectionText);
  return { text: clip(text.replace(/`/g, ''), LIMITS.fallbackText), blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `:warning: ${text}` } }] };
}

/** The operator's log line: which view, how big, and what Slack said. */
export function logRefusal(where: string, card: string, msg: { blocks: unknown[]; text?: string }, reason: string): void {
  const bytes = Buffer.byteLength(JSON.stringify(msg.blocks));
  console.error(`[slack] ${where} refused by Slack (${reason}): view ${card}, ${msg.blocks.length} blocks, ${bytes} bytes of blocks, text ${msg.text?.length ?? 0} chars`);
}

/** Said when a button's stored form is gone (DATA_DIR cleared or restored from an old backup). */
export function formGoneText(verb: string): string {
  const word = verb.split('.')[0] ?? '';
  const command = word === 'approval' ? 'approvals' : ['risk', 'isap', 'survey', 'forum', 'talent', 'digest'].includes(word) ? word : 'help';
  return `That form is no longer available. Run the command again for a fresh card: /improve ${command}`;
}
