// Expands a view into an Adaptive Card from its template in cards/. One card, every platform:
// Teams sends it as it is, Slack translates it, the playground renders it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Templating from 'adaptivecards-templating';
import type { View } from '../app/command';
import { plainLinksIn } from './plain-links';

export const CARDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cards');

export type AdaptiveCard = { type: 'AdaptiveCard'; version: string; body?: unknown[]; actions?: unknown[]; [k: string]: unknown };

const cache = new Map<string, unknown>();

function template(name: string): unknown {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`bad card name ${name}`);
  let t = cache.get(name);
  if (!t) {
    t = JSON.parse(readFileSync(path.join(CARDS_DIR, `${name}.json`), 'utf8'));
    cache.set(name, t);
  }
  return t;
}

/** The one place a view becomes a card, so the one place people's text is made safe to show. */
export function renderCard(view: View): AdaptiveCard {
  const t = new Templating.Template(template(view.card));
  const card = t.expand({ $root: plainLinksIn(view.data) }) as AdaptiveCard;
  return stripEmpty(card) as AdaptiveCard;
}

/** Elements the 1.5 schema rejects without their list: an empty one is dropped whole. */
const NEEDS: Record<string, string> = { FactSet: 'facts', ActionSet: 'actions', Container: 'items', ImageSet: 'images' };

/**
 * Templating leaves `$when`-dropped arrays empty; Teams rejects some empty containers, so drop the
 * empty arrays, and the elements that are invalid without them (a FactSet with no facts).
 */
function stripEmpty(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripEmpty).filter((x) => !lostItsList(x));
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      const s = stripEmpty(v);
      if (Array.isArray(s) && s.length === 0 && (k === 'items' || k === 'columns' || k === 'facts' || k === 'actions' || k === 'images')) continue;
      out[k] = s;
    }
    return out;
  }
  return node;
}

function lostItsList(x: unknown): boolean {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return false;
  const o = x as Record<string, unknown>;
  const need = typeof o.type === 'string' ? NEEDS[o.type] : undefined;
  return Boolean(need && !Array.isArray(o[need]));
}

/** A one-line summary of a card for notifications and Slack's fallback text. */
export function cardSummary(card: AdaptiveCard): string {
  const first = (card.body ?? []).find((b) => (b as { type?: string }).type === 'TextBlock') as { text?: string } | undefined;
  return first?.text ?? 'Improvement Bot';
}
