// Whatever people type, every card template and the Block Kit translator show it as text: no Slack
// control sequence (<!channel>, <@U…>, <url|text>) reaches a message, its notification text or a
// Home tab, no Markdown link or image from a person becomes a live link, and every card stays one
// that Teams and Slack accept. fast-check writes the text; the samples cover every template.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { View } from '../../src/app/command';
import { renderCard } from '../../src/cards/render';
import { cardProblems } from '../../src/cards/validate';
import { cardToBlocks } from '../../src/channels/slack/blockkit';
import { slackPayloadProblems } from '../fakes/platform-limits';
import { CARD_SAMPLES } from '../fixtures/cards';

const PIECES = [
  '<!channel>', '<!here>', '<@U00000CEO>', '<#C0123|general>', '<https://evil.example|Approve here>', '<mailto:a@b.c|mail>',
  '[Approve here](https://evil.example)', '![pixel](https://evil.example/p.png)', '[[nested](https://a.example)](https://b.example)',
  '[x]( https://spaced.example )', '**', '&amp;', '&', '${1+1}', '${$root}', '\n', '`', '*', '_', '~', '> ', 'javascript:alert(1)', '<script>', '\u202e',
];
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 })), { minLength: 1, maxLength: 6 })
  .map((a) => a.join(''))
  .filter((t) => t.trim() !== '');

/**
 * Keys the bot itself fills (ids, verbs, choice values, colours, settings), never people's text:
 * left as they are, so that the cards keep their shape and only what people could type changes.
 */
const BOTS_OWN = /^(id|card|verb|value|color|colour|\w+Colou?r|style|first|url|kind|template|status|rag|ofstedScheme|ofstedOverall|ofstedSafeguarding|proposed|proposedUrgent|wanted|selected\w*|exportHint)$|Id$/;

/** The sample with every piece of text people could have typed replaced by hostile text. */
function poisoned(sample: View, text: (i: number) => string): View {
  let i = 0;
  const walk = (v: unknown, key = ''): unknown => {
    if (typeof v === 'string') return BOTS_OWN.test(key) ? v : text(i++);
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return { card: sample.card, data: walk(sample.data) as Record<string, unknown> };
}

/** Every mrkdwn text in a Block Kit payload (plain_text is shown as typed by Slack itself). */
function mrkdwnTexts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => mrkdwnTexts(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'mrkdwn' && typeof o.text === 'string') out.push(o.text);
    Object.values(o).forEach((v) => mrkdwnTexts(v, out));
  }
  return out;
}

describe('hostile text through every template', () => {
  it.each(CARD_SAMPLES.map((s) => [`${s.card}: ${s.label}`, s] as const))('%s', (_name, sample) => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 1, maxLength: 8 }), (texts) => {
        const view = poisoned(sample, (i) => texts[i % texts.length]!);
        const card = renderCard(view);
        const json = JSON.stringify(card);
        // No Markdown link or image survives into what Teams or the playground renders.
        expect(json).not.toContain('](');
        expect(cardProblems(card)).toEqual([]);
        for (const surface of ['message', 'home'] as const) {
          const msg = cardToBlocks(card, surface);
          // Escaped everywhere Slack reads control sequences: mrkdwn and the notification text.
          for (const text of [msg.text, ...mrkdwnTexts(msg.blocks)]) expect(text).not.toMatch(/[<>]/);
          expect(slackPayloadProblems(msg, surface)).toEqual([]);
        }
      }),
      { numRuns: 10 },
    );
  });
});
