// One translator from the expanded Adaptive Card to Block Kit: the card stays the single source and
// Slack gets the subset we use. Pure. Everything is kept within Slack's limits: long text is split,
// long lists packed into fewer blocks, and what still does not fit is cut with a "more" note.
// A button with a form carries a reference to it: the forms referenced are returned with the blocks,
// for the sending side to store before posting.
import type { AdaptiveCard } from '../../cards/render';
import { encodeButton, storedForm, toCardInput, type CardInput, type FormRef } from './form';
import { chunk, clip, LIMITS } from './limits';

export type Block = { type: string; block_id?: string; [k: string]: unknown };
type El = Record<string, unknown>;

export interface SlackMessage {
  /** Notification and screen-reader text. */
  text: string;
  blocks: Block[];
  /** The stored forms its buttons refer to: save them (SlackFormStore) before sending. */
  forms: FormRef[];
}

export type Surface = 'message' | 'home' | 'modal';

const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const plain = (text: string, max: number) => ({ type: 'plain_text', text: clip(text, max), emoji: true });

/**
 * Escapes Slack's control characters (`<!channel>`, `<@U…>`, `<url|text>` all start with `<`), so
 * nothing typed pings anyone or becomes a link.
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The card's Markdown subset as mrkdwn: escaped, then bold. Links stay text (see cards/plain-links). */
export function toMrkdwn(md: string): string {
  return escapeSlack(md).replace(/\*\*(.+?)\*\*/g, '*$1*');
}

export function cardToBlocks(card: AdaptiveCard, surface: Surface = 'message'): SlackMessage {
  const t = new Translation(card);
  t.elements((card.body ?? []) as El[]);
  t.actions((card.actions ?? []) as El[]);
  const max = surface === 'message' ? LIMITS.messageBlocks : LIMITS.viewBlocks;
  const blocks = fit(t.blocks, max);
  // Only the forms of buttons that made it into the blocks.
  const json = JSON.stringify(blocks);
  const forms = [...t.forms.values()].filter((f) => json.includes(f.ref));
  // The top-level text is what notifications show: Slack reads its control sequences too.
  return { text: clip(escapeSlack(t.summary() || 'Improvement Bot'), LIMITS.fallbackText), blocks, forms };
}

class Translation {
  blocks: Block[] = [];
  private inputs: CardInput[] = [];
  private texts: string[] = [];
  private buttons = 0;
  private formButtons = 0;
  forms = new Map<string, FormRef>();

  constructor(private card: AdaptiveCard) {
    this.inputs = collectInputs((card.body ?? []) as El[]);
  }

  summary(): string {
    return this.texts.slice(0, 2).join(': ');
  }

  elements(els: El[]): void {
    for (const el of els) this.element(el);
  }

  private element(el: El): void {
    if (el.isVisible === false) return;
    if (el.separator) this.blocks.push({ type: 'divider' });
    switch (el.type) {
      case 'TextBlock':
        return this.text(String(el.text ?? ''), el);
      case 'RichTextBlock':
        return this.text(((el.inlines as El[]) ?? []).map((i) => (typeof i === 'string' ? i : String(i.text ?? ''))).join(''), el);
      case 'FactSet':
        return this.facts((el.facts as { title: string; value: string }[]) ?? []);
      case 'ColumnSet':
        return this.columns((el.columns as El[]) ?? []);
      case 'Container':
      case 'Column':
        return this.elements((el.items as El[]) ?? []);
      case 'Image':
        return this.image(el);
      case 'ActionSet':
        return this.actions((el.actions as El[]) ?? []);
      default:
        // Inputs go to the modal; anything else falls back as the card asks, or is left out.
        if (typeof el.type === 'string' && el.type.startsWith('Input.')) return;
        if (el.fallback && typeof el.fallback === 'object') this.element(el.fallback as El);
    }
  }

  private text(raw: string, el: El): void {
    const text = raw.trim();
    if (!text) return;
    this.texts.push(text);
    const warn = el.color === 'Attention' || el.color === 'Warning' ? ':warning: ' : '';
    const big = el.weight === 'Bolder' && (el.size === 'Medium' || el.size === 'Large' || el.size === 'ExtraLarge');
    if (big && !warn && text.length <= LIMITS.headerText && !text.includes('\n')) {
      this.blocks.push({ type: 'header', text: plain(text, LIMITS.headerText) });
      return;
    }
    let body = toMrkdwn(text);
    if (el.weight === 'Bolder') body = body.split('\n').map((l) => (l.trim() ? `*${l}*` : l)).join('\n');
    if (el.fontType === 'Monospace') body = `\`${body}\``;
    body = warn + body;
    if (el.isSubtle) {
      for (const piece of chunk(body, LIMITS.fieldText)) this.blocks.push({ type: 'context', elements: [mrkdwn(piece)] });
      return;
    }
    for (const piece of chunk(body, LIMITS.sectionText)) this.blocks.push({ type: 'section', text: mrkdwn(piece) });
  }

  private facts(facts: { title: string; value: string }[]): void {
    const fields = facts.map((f) => mrkdwn(clip(`*${toMrkdwn(f.title)}*\n${toMrkdwn(f.value)}`, LIMITS.fieldText)));
    for (let i = 0; i < fields.length; i += LIMITS.fields) this.blocks.push({ type: 'section', fields: fields.slice(i, i + LIMITS.fields) });
  }

  /** Columns of text side by side become fields; anything richer is laid out one after the other. */
  private columns(columns: El[]): void {
    const texts = columns.map(columnText);
    if (columns.length <= LIMITS.fields && texts.every((t) => t !== undefined)) {
      const fields = (texts as string[]).filter(Boolean).map((t) => mrkdwn(clip(t, LIMITS.fieldText)));
      if (fields.length) this.blocks.push({ type: 'section', fields });
      return;
    }
    for (const c of columns) this.element(c);
  }

  private image(el: El): void {
    const url = String(el.url ?? '');
    if (!/^https?:\/\//.test(url) || url.length > LIMITS.url) return; // Slack fetches images itself: no data: URIs.
    this.blocks.push({ type: 'image', image_url: url, alt_text: clip(String(el.altText || 'image'), LIMITS.altText) });
  }

  actions(actions: El[]): void {
    const elements: El[] = [];
    const formsBefore = this.formButtons;
    let dropped = 0;
    for (const a of actions) {
      if (a.type === 'Action.ShowCard') {
        // Slack has no card that unfolds: each of the inner card's buttons opens its own form.
        const r = this.showCard(a);
        elements.push(...r.buttons);
        dropped += r.dropped;
        continue;
      }
      const b = this.button(a);
      if (b) elements.push(b);
      else if (a.type === 'Action.Execute' || a.type === 'Action.Submit') dropped++;
    }
    if (this.formButtons > formsBefore && this.inputs.length) {
      const names = this.inputs.map((i) => i.label || i.placeholder || i.title || i.id).join(', ');
      this.blocks.push({ type: 'context', elements: [mrkdwn(clip(`A button opens a form for: ${toMrkdwn(names)}`, LIMITS.fieldText))] });
    }
    for (let i = 0; i < elements.length; i += LIMITS.actionsElements) this.blocks.push({ type: 'actions', elements: elements.slice(i, i + LIMITS.actionsElements) });
    if (dropped) this.blocks.push({ type: 'context', elements: [mrkdwn(`${dropped} more button${dropped === 1 ? ' is' : 's are'} not shown: Slack cannot show ${dropped === 1 ? 'it' : 'them'}.`)] });
  }

  /** An Action.ShowCard's inner buttons, with the inner card's inputs (and the outer card's) as their form. */
  private showCard(a: El): { buttons: El[]; dropped: number } {
    const inner = (a.card && typeof a.card === 'object' ? a.card : {}) as El;
    const innerActions = ((inner.actions as El[]) ?? []).filter((x) => x.type !== 'Action.ShowCard');
    const outer = this.inputs;
    this.inputs = [...outer, ...collectInputs((inner.body as El[]) ?? [])];
    const buttons: El[] = [];
    let dropped = 0;
    for (const ia of innerActions) {
      const title = innerActions.length === 1 ? String(a.title ?? ia.title ?? 'Open') : `${String(a.title ?? '')}: ${String(ia.title ?? '')}`;
      const b = this.button({ ...ia, title });
      if (b) buttons.push(b);
      else dropped++;
    }
    this.inputs = outer;
    return { buttons, dropped };
  }

  private button(a: El): El | undefined {
    const title = String(a.title ?? 'Open');
    const base: El = { type: 'button', text: plain(title, LIMITS.buttonText), action_id: clip(`improve:${this.buttons++}`, LIMITS.id) };
    if (a.style === 'positive') base.style = 'primary';
    if (a.style === 'destructive') base.style = 'danger';
    if (a.type === 'Action.OpenUrl') {
      const url = String(a.url ?? '');
      return url && url.length <= LIMITS.url ? { ...base, url } : undefined;
    }
    if (a.type !== 'Action.Execute' && a.type !== 'Action.Submit') return undefined;
    const data = (a.data && typeof a.data === 'object' ? a.data : {}) as Record<string, unknown>;
    // Action.Submit carries its verb in data (the Bot Framework convention); Execute names it.
    const verb = String(a.verb ?? data.verb ?? '');
    if (!verb) return undefined;
    // associatedInputs "none" (a Cancel, a Skip) sends no inputs: no form to fill in first.
    const inputs = this.inputs.length > 0 && a.associatedInputs !== 'none' ? this.inputs : [];
    if (inputs.length) this.formButtons++;
    const form = { inputs, title, heading: inputs.length ? clip(this.heading(), LIMITS.headerText) : '' };
    // The button carries the verb, its data and the form's reference; data too large for it is
    // stored with the form instead, so no button is ever dropped for its size.
    const ref = inputs.length ? this.remember(storedForm(form)) : undefined;
    let value = encodeButton({ v: verb, d: data, f: ref });
    if (!value) value = encodeButton({ v: verb, f: this.remember(storedForm({ ...form, data })) });
    return value ? { ...base, value } : undefined;
  }

  private remember(f: FormRef): string {
    this.forms.set(f.ref, f);
    return f.ref;
  }

  private heading(): string {
    const body = (this.card.body ?? []) as El[];
    const bold = body.find((e) => e.type === 'TextBlock' && e.weight === 'Bolder');
    return String(bold?.text ?? this.texts[0] ?? '');
  }
}

function columnText(col: El): string | undefined {
  const items = (col.items as El[]) ?? [];
  if (!items.every((i) => i.type === 'TextBlock')) return undefined;
  return items
    .map((i) => {
      const t = toMrkdwn(String(i.text ?? ''));
      if (!t) return '';
      if (i.weight === 'Bolder') return `*${t}*`;
      return i.fontType === 'Monospace' ? `\`${t}\`` : t;
    })
    .filter(Boolean)
    .join('\n');
}

function collectInputs(els: El[]): CardInput[] {
  const out: CardInput[] = [];
  const walk = (el: El) => {
    if (typeof el.type === 'string' && el.type.startsWith('Input.') && typeof el.id === 'string') out.push(toCardInput(el));
    for (const k of ['items', 'columns']) for (const c of (el[k] as El[]) ?? []) walk(c);
  };
  els.forEach(walk);
  return out;
}

/**
 * Keeps a surface within its block limit: first packs runs of plain text (sections and context)
 * into as few sections as their 3000 characters allow, then cuts with a note saying how much is left.
 */
export function fit(blocks: Block[], max: number): Block[] {
  if (blocks.length <= max) return blocks;
  const packed: Block[] = [];
  let run: string[] = [];
  const flush = () => {
    for (const piece of packText(run)) packed.push({ type: 'section', text: mrkdwn(piece) });
    run = [];
  };
  for (const b of blocks) {
    const text = plainText(b);
    if (text !== undefined) run.push(text);
    else if (b.type === 'divider' && run.length) continue; // a divider inside a packed list reads as a line break
    else {
      flush();
      packed.push(b);
    }
  }
  flush();
  if (packed.length <= max) return packed;
  // Keep the buttons (they are what people act on) and cut the text before them.
  const tail = packed.filter((b) => b.type === 'actions').slice(-Math.max(0, max - 2));
  const head = packed.filter((b) => !tail.includes(b)).slice(0, max - tail.length - 1);
  const left = packed.length - head.length - tail.length;
  const note: Block = { type: 'context', elements: [mrkdwn(`…and ${left} more section${left === 1 ? '' : 's'} not shown: Slack shows ${max} blocks at most. Narrow the command (for example to one school) to see the rest.`)] };
  return [...head, note, ...tail];
}

/** The mrkdwn of a block that holds only text, or undefined for anything else. */
function plainText(b: Block): string | undefined {
  if (b.type === 'header') return `*${toMrkdwn(String((b.text as { text: string }).text))}*`;
  if (b.type === 'section' && !b.accessory && b.text) return String((b.text as { text: string }).text);
  if (b.type === 'section' && b.fields) return (b.fields as { text: string }[]).map((f) => f.text.replace(/\n/g, ' ')).join('  ·  ');
  if (b.type === 'context') return (b.elements as { text?: string }[]).map((e) => e.text ?? '').join(' ');
  return undefined;
}

function packText(lines: string[]): string[] {
  const out: string[] = [];
  let cur = '';
  for (const line of lines.flatMap((l) => chunk(l, LIMITS.sectionText))) {
    if (cur && cur.length + 1 + line.length > LIMITS.sectionText) {
      out.push(cur);
      cur = line;
    } else cur = cur ? `${cur}\n${line}` : line;
  }
  if (cur) out.push(cur);
  return out;
}
