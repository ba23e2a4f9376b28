// Card inputs on Slack. A button's value is limited to 2,000 characters, so it carries only its action
// (verb + small data) and a reference to the stored form (inputs, title, heading): see
// src/store/slack-forms.ts. A click opens the form as a modal; its submission gives back the same
// `{ ...data, ...inputs }` as Teams does. Choice sets longer than Slack's static menus take load
// their options from the stored form as the person types (external_select). Pure.
import { inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import { formRef, type StoredForm } from '../../store/slack-forms';
import { clip, LIMITS } from './limits';
import type { Block } from './blockkit';

/** An Adaptive Card input, reduced to what the modal needs. */
export type CardInput = {
  type: string;
  id: string;
  label?: string;
  placeholder?: string;
  isRequired?: boolean;
  isMultiline?: boolean;
  maxLength?: number;
  value?: string;
  title?: string;
  valueOn?: string;
  valueOff?: string;
  isMultiSelect?: boolean;
  style?: string;
  choices?: { title: string; value: string }[];
};

const INPUT_KEYS = ['type', 'id', 'label', 'placeholder', 'isRequired', 'isMultiline', 'maxLength', 'value', 'title', 'valueOn', 'valueOff', 'isMultiSelect', 'style', 'choices'] as const;

export function toCardInput(el: Record<string, unknown>): CardInput {
  const out: Record<string, unknown> = {};
  for (const k of INPUT_KEYS) if (el[k] !== undefined && el[k] !== '') out[k] = el[k];
  return out as CardInput;
}

/** A form and its reference, as the translator hands them to the sender to store before posting. */
export interface FormRef {
  ref: string;
  form: StoredForm;
}

export function storedForm(form: StoredForm): FormRef {
  return { ref: formRef(form), form };
}

/** What a Slack button stands for: the card action, and the stored form to fill in first if any. */
export const ButtonPayloadSchema = z.object({
  v: z.string().min(1),
  d: z.record(z.string(), z.unknown()).default({}),
  /** The stored form's reference: its inputs (a modal first) and, if large, the action's data. */
  f: z.string().optional(),
  /** Inputs carried inline by buttons posted before forms were stored: still opened. */
  i: z.array(z.looseObject({ type: z.string(), id: z.string() })).optional(),
  t: z.string().optional(),
  h: z.string().optional(),
});
export type ButtonPayload = z.infer<typeof ButtonPayloadSchema>;

/** Encodes a button's value; undefined when it is over Slack's 2,000 characters. */
export function encodeButton(p: { v: string; d?: Record<string, unknown>; f?: string }): string | undefined {
  const json = JSON.stringify({ v: p.v, ...(p.d && Object.keys(p.d).length ? { d: p.d } : {}), ...(p.f ? { f: p.f } : {}) });
  return json.length <= LIMITS.buttonValue ? json : undefined;
}

/** Buttons posted before forms were stored carried their inputs compressed behind this prefix. */
const LEGACY_ZIP = 'z:';

export function decodeButton(value: string | undefined): ButtonPayload | undefined {
  if (!value) return undefined;
  try {
    const json = value.startsWith(LEGACY_ZIP) ? inflateRawSync(Buffer.from(value.slice(LEGACY_ZIP.length), 'base64')).toString('utf8') : value;
    const parsed = ButtonPayloadSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A legacy button's inline form, to be stored like any other on its first click. */
export function legacyForm(p: ButtonPayload): FormRef | undefined {
  return p.i?.length ? storedForm({ inputs: p.i, title: p.t ?? '', heading: p.h ?? '' }) : undefined;
}

/** Carried through the modal: the action, its form, and where the card was, to replace it once submitted. */
export const ModalMetadataSchema = z.object({
  v: z.string().min(1),
  d: z.record(z.string(), z.unknown()).default({}),
  f: z.string().optional(),
  channel: z.string().optional(),
  ts: z.string().optional(),
  responseUrl: z.string().optional(),
});
export type ModalMetadata = z.infer<typeof ModalMetadataSchema>;

export const FORM_CALLBACK = 'improve-form';

/** Marks the second and later checkbox groups of one long list: `criteria::part2`. */
const PART = '::part';
const baseId = (blockId: string) => blockId.replace(/::part\d+$/, '');

/** The modal for a form. Metadata over 3000 characters drops the reply-in-place hints. */
export function formModal(form: StoredForm, meta: ModalMetadata): Record<string, unknown> {
  const inputs = form.inputs as CardInput[];
  let metadata = JSON.stringify(meta);
  if (metadata.length > LIMITS.privateMetadata) metadata = JSON.stringify({ ...meta, responseUrl: undefined });
  const blocks: Block[] = [];
  if (form.heading) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(`*${form.heading}*`, LIMITS.sectionText) } });
  for (const input of inputs) blocks.push(...inputBlocks(input));
  const title = clip(form.title || 'Improvement Bot', LIMITS.modalTitle);
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK,
    title: { type: 'plain_text', text: title },
    submit: { type: 'plain_text', text: clip(form.title || 'Send', LIMITS.modalButton) },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: metadata,
    blocks: blocks.slice(0, LIMITS.viewBlocks),
  };
}

const plain = (text: string, max: number) => ({ type: 'plain_text', text: clip(text, max) });
const option = (c: { title: string; value: string }) => ({ text: plain(c.title || c.value, LIMITS.optionText), value: clip(c.value, LIMITS.optionValue) });

/** A radio button or checkbox: a long title goes on in the option's description rather than being cut. */
function richOption(c: { title: string; value: string }) {
  const title = c.title || c.value;
  if (title.length <= LIMITS.optionText) return option(c);
  let cut = title.lastIndexOf(' ', LIMITS.optionText - 1);
  if (cut < LIMITS.optionText / 2) cut = LIMITS.optionText - 1;
  return { text: plain(title.slice(0, cut), LIMITS.optionText), description: plain(title.slice(cut).trim(), LIMITS.optionText), value: clip(c.value, LIMITS.optionValue) };
}

/** How a choice set is shown: Slack's limits decide between buttons, a menu and a menu searched as typed. */
export function choiceKind(input: CardInput): 'radio' | 'checkboxes' | 'static' | 'external' {
  const n = input.choices?.length ?? 0;
  if (n > LIMITS.selectOptions) return 'external';
  if (input.style === 'expanded') {
    if (input.isMultiSelect) return 'checkboxes'; // in groups of 10 when longer: every choice stays visible
    if (n <= LIMITS.radioOptions) return 'radio';
  }
  return 'static';
}

function inputBlocks(input: CardInput): Block[] {
  const label = input.label || input.placeholder || input.title || input.id;
  const id = clip(input.id, LIMITS.id - PART.length - 3);
  const block = (blockId: string, text: string, element: Record<string, unknown>, optional = !input.isRequired): Block => ({
    type: 'input',
    block_id: blockId,
    optional,
    label: plain(text, LIMITS.inputLabel),
    element: { ...element, action_id: blockId },
  });
  if (input.type === 'Input.ChoiceSet' && choiceKind(input) === 'checkboxes') {
    const choices = input.choices ?? [];
    const initial = (input.value ?? '').split(',').filter(Boolean);
    const groups: Block[] = [];
    for (let i = 0; i < Math.max(1, choices.length); i += LIMITS.checkboxOptions) {
      const options = choices.slice(i, i + LIMITS.checkboxOptions).map(richOption);
      const chosen = options.filter((o) => initial.includes(o.value));
      const part = i / LIMITS.checkboxOptions;
      const element = { type: 'checkboxes', options, ...(chosen.length ? { initial_options: chosen } : {}) };
      // A required list split in groups: any group may hold the answer, and the dispatcher checks it.
      groups.push(block(part ? `${id}${PART}${part + 1}` : id, part ? `${label} (continued)` : label, element, choices.length > LIMITS.checkboxOptions || !input.isRequired));
    }
    return groups;
  }
  return [block(id, label, inputElement(input))];
}

function inputElement(input: CardInput): Record<string, unknown> {
  const placeholder = input.placeholder ? { placeholder: plain(input.placeholder, LIMITS.placeholder) } : {};
  switch (input.type) {
    case 'Input.ChoiceSet': {
      const kind = choiceKind(input);
      const choices = input.choices ?? [];
      const initial = (input.value ?? '').split(',').filter(Boolean);
      const multi = Boolean(input.isMultiSelect);
      if (kind === 'external') {
        const chosen = choices.filter((c) => initial.includes(c.value)).map(option);
        const hint = { placeholder: plain(input.placeholder || `Type to search ${choices.length} choices`, LIMITS.placeholder) };
        // min_query_length 0: the menu lists the first choices (the card's order) before anything is typed.
        if (multi) return { type: 'multi_external_select', min_query_length: 0, ...(chosen.length ? { initial_options: chosen } : {}), ...hint };
        return { type: 'external_select', min_query_length: 0, ...(chosen[0] ? { initial_option: chosen[0] } : {}), ...hint };
      }
      const options = choices.map(kind === 'radio' ? richOption : option);
      const chosen = options.filter((o) => initial.includes(o.value));
      if (kind === 'radio') return { type: 'radio_buttons', options, ...(chosen[0] ? { initial_option: chosen[0] } : {}) };
      if (multi) return { type: 'multi_static_select', options, ...(chosen.length ? { initial_options: chosen } : {}), ...placeholder };
      return { type: 'static_select', options, ...(chosen[0] ? { initial_option: chosen[0] } : {}), ...placeholder };
    }
    case 'Input.Toggle': {
      const on = { text: plain(input.title || input.label || 'Yes', LIMITS.optionText), value: clip(input.valueOn ?? 'true', LIMITS.optionValue) };
      return { type: 'checkboxes', options: [on], ...(input.value === (input.valueOn ?? 'true') ? { initial_options: [on] } : {}) };
    }
    case 'Input.Date':
      return { type: 'datepicker', ...(input.value ? { initial_date: input.value } : {}), ...placeholder };
    case 'Input.Time':
      return { type: 'timepicker', ...(input.value ? { initial_time: input.value } : {}), ...placeholder };
    case 'Input.Number':
      return { type: 'number_input', is_decimal_allowed: true, ...(input.value ? { initial_value: String(input.value) } : {}), ...placeholder };
    default:
      return {
        type: 'plain_text_input',
        multiline: Boolean(input.isMultiline),
        ...(input.maxLength ? { max_length: Math.min(input.maxLength, LIMITS.textInputMax) } : {}),
        ...(input.value ? { initial_value: String(input.value) } : {}),
        ...placeholder,
      };
  }
}

/**
 * The options an external select offers for what was typed: at most 100, best matches first (the
 * whole title, then its start, then a word's start, then anywhere in it), the card's order kept
 * within each. An empty query lists the first 100 in the card's order.
 */
export function suggestOptions(input: CardInput | undefined, typed: string): { text: { type: string; text: string }; value: string }[] {
  const choices = input?.choices ?? [];
  const q = typed.trim().toLowerCase();
  if (!q) return choices.slice(0, LIMITS.selectOptions).map(option);
  const rank = (c: { title: string; value: string }): number => {
    const t = (c.title || c.value).toLowerCase();
    if (t === q || c.value.toLowerCase() === q) return 0;
    if (t.startsWith(q)) return 1;
    if (t.split(/[^a-z0-9']+/).some((w) => w.startsWith(q))) return 2;
    if (t.includes(q) || c.value.toLowerCase().includes(q)) return 3;
    return 4;
  };
  return choices
    .map((c, i) => ({ c, i, r: rank(c) }))
    .filter((x) => x.r < 4)
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .slice(0, LIMITS.selectOptions)
    .map((x) => option(x.c));
}

type StateValue = {
  type?: string;
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
  selected_date?: string | null;
  selected_time?: string | null;
};

/**
 * The modal's submitted state as Adaptive Card input values: strings, multi-selects joined with
 * commas (a list shown in groups joined back into one), an unticked toggle as its valueOff. Empty
 * fields are left out, as Teams leaves them out.
 */
export function inputValues(state: Record<string, Record<string, StateValue>>, off: Record<string, string> = {}): Record<string, string> {
  const picked = new Map<string, string[]>();
  const out: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(state)) {
    const v = actions[blockId];
    if (!v) continue;
    const id = baseId(blockId);
    if (v.selected_options) {
      picked.set(id, [...(picked.get(id) ?? []), ...v.selected_options.map((o) => o.value)]);
      continue;
    }
    const value = v.selected_option ? v.selected_option.value : (v.selected_date ?? v.selected_time ?? v.value ?? undefined);
    if (value !== undefined && value !== null && value !== '') out[id] = value;
  }
  for (const [id, values] of picked) {
    const value = values.join(',') || off[id];
    if (value) out[id] = value;
  }
  return out;
}

/** Toggles' "off" values, which Slack cannot send (an unticked checkbox is just absent). */
export function toggleOffValues(inputs: readonly { type: string; id: string; valueOff?: unknown }[]): Record<string, string> {
  return Object.fromEntries(inputs.filter((i) => i.type === 'Input.Toggle').map((i) => [clip(i.id, LIMITS.id - PART.length - 3), typeof i.valueOff === 'string' ? i.valueOff : 'false']));
}

/** The input an options request is for, found by the block it came from. */
export function inputFor(form: StoredForm, blockId: string): CardInput | undefined {
  const id = baseId(blockId);
  return (form.inputs as CardInput[]).find((i) => clip(i.id, LIMITS.id - PART.length - 3) === id);
}
