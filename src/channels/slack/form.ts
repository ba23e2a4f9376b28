// Card inputs on Slack: a button carries its action (verb + data) and, when the card has inputs, the
// inputs themselves, so that a click opens a modal with them even days later or after a restart.
// The modal's submission gives back the same `{ ...data, ...inputs }` as Teams does. Pure.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
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

/** What a Slack button stands for: the card action, and the form to fill in first if any. */
export const ButtonPayloadSchema = z.object({
  v: z.string().min(1),
  d: z.record(z.string(), z.unknown()).default({}),
  /** The card's inputs: present means "open a modal first". */
  i: z.array(z.looseObject({ type: z.string(), id: z.string() })).optional(),
  /** The action's title and the card's heading, for the modal. */
  t: z.string().optional(),
  h: z.string().optional(),
});
export type ButtonPayload = z.infer<typeof ButtonPayloadSchema>;

const ZIP = 'z:';

/** Encodes a payload for a button value; undefined when even compressed it is over Slack's 2000. */
export function encodeButton(p: ButtonPayload): string | undefined {
  const json = JSON.stringify(p);
  if (json.length <= LIMITS.buttonValue) return json;
  const zipped = ZIP + deflateRawSync(json).toString('base64');
  return zipped.length <= LIMITS.buttonValue ? zipped : undefined;
}

export function decodeButton(value: string | undefined): ButtonPayload | undefined {
  if (!value) return undefined;
  try {
    const json = value.startsWith(ZIP) ? inflateRawSync(Buffer.from(value.slice(ZIP.length), 'base64')).toString('utf8') : value;
    const parsed = ButtonPayloadSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Carried through the modal: the action, and where the card was, to replace it once submitted. */
export const ModalMetadataSchema = z.object({
  v: z.string().min(1),
  d: z.record(z.string(), z.unknown()).default({}),
  channel: z.string().optional(),
  ts: z.string().optional(),
  responseUrl: z.string().optional(),
  /** Toggle ids and the value each sends when left unticked. */
  off: z.record(z.string(), z.string()).optional(),
});
export type ModalMetadata = z.infer<typeof ModalMetadataSchema>;

export const FORM_CALLBACK = 'improve-form';

/** The modal for a button with inputs. Metadata over 3000 characters drops the reply-in-place hints. */
export function formModal(p: ButtonPayload, meta: ModalMetadata): Record<string, unknown> {
  const inputs = (p.i ?? []) as CardInput[];
  const off = toggleOffValues(inputs);
  const full: ModalMetadata = Object.keys(off).length ? { ...meta, off } : meta;
  let metadata = JSON.stringify(full);
  if (metadata.length > LIMITS.privateMetadata) metadata = JSON.stringify({ ...full, responseUrl: undefined });
  const blocks: Block[] = [];
  if (p.h) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(`*${p.h}*`, LIMITS.sectionText) } });
  blocks.push(...inputs.slice(0, LIMITS.viewBlocks - blocks.length).map(inputBlock));
  const title = clip(p.t || 'Improvement Bot', LIMITS.modalTitle);
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK,
    title: { type: 'plain_text', text: title },
    submit: { type: 'plain_text', text: clip(p.t || 'Send', LIMITS.modalButton) },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: metadata,
    blocks,
  };
}

const plain = (text: string, max: number) => ({ type: 'plain_text', text: clip(text, max) });
const option = (c: { title: string; value: string }) => ({ text: plain(c.title || c.value, LIMITS.optionText), value: clip(c.value, LIMITS.optionValue) });

function inputBlock(input: CardInput): Block {
  const label = input.label || input.placeholder || input.title || input.id;
  const block: Block = {
    type: 'input',
    block_id: clip(input.id, LIMITS.id),
    optional: !input.isRequired,
    label: plain(label, LIMITS.inputLabel),
    element: inputElement(input),
  };
  const choices = input.choices ?? [];
  const max = input.style === 'expanded' ? LIMITS.radioOptions : LIMITS.selectOptions;
  if (input.type === 'Input.ChoiceSet' && choices.length > max) {
    block.hint = plain(`Showing the first ${max} of ${choices.length} choices: for the rest, use the command in Teams or the playground.`, LIMITS.inputLabel);
  }
  return block;
}

function inputElement(input: CardInput): Record<string, unknown> {
  const action_id = clip(input.id, LIMITS.id);
  const placeholder = input.placeholder ? { placeholder: plain(input.placeholder, LIMITS.placeholder) } : {};
  switch (input.type) {
    case 'Input.ChoiceSet': {
      const expanded = input.style === 'expanded';
      const options = (input.choices ?? []).slice(0, expanded ? LIMITS.radioOptions : LIMITS.selectOptions).map(option);
      const initial = (input.value ?? '').split(',').filter(Boolean);
      const chosen = options.filter((o) => initial.includes(o.value));
      if (input.isMultiSelect) {
        const type = expanded ? 'checkboxes' : 'multi_static_select';
        return { type, action_id, options, ...(chosen.length ? { initial_options: chosen } : {}), ...(expanded ? {} : placeholder) };
      }
      const type = expanded ? 'radio_buttons' : 'static_select';
      return { type, action_id, options, ...(chosen[0] ? { initial_option: chosen[0] } : {}), ...(expanded ? {} : placeholder) };
    }
    case 'Input.Toggle': {
      const on = { text: plain(input.title || input.label || 'Yes', LIMITS.optionText), value: clip(input.valueOn ?? 'true', LIMITS.optionValue) };
      return { type: 'checkboxes', action_id, options: [on], ...(input.value === (input.valueOn ?? 'true') ? { initial_options: [on] } : {}) };
    }
    case 'Input.Date':
      return { type: 'datepicker', action_id, ...(input.value ? { initial_date: input.value } : {}), ...placeholder };
    case 'Input.Time':
      return { type: 'timepicker', action_id, ...(input.value ? { initial_time: input.value } : {}), ...placeholder };
    case 'Input.Number':
      return { type: 'number_input', action_id, is_decimal_allowed: true, ...(input.value ? { initial_value: String(input.value) } : {}), ...placeholder };
    default:
      return {
        type: 'plain_text_input',
        action_id,
        multiline: Boolean(input.isMultiline),
        ...(input.maxLength ? { max_length: Math.min(input.maxLength, LIMITS.textInputMax) } : {}),
        ...(input.value ? { initial_value: String(input.value) } : {}),
        ...placeholder,
      };
  }
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
 * commas, an unticked toggle as its valueOff. Empty fields are left out, as Teams leaves them out.
 */
export function inputValues(state: Record<string, Record<string, StateValue>>, off: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(state)) {
    const v = actions[blockId];
    if (!v) continue;
    let value: string | undefined;
    if (v.selected_options) value = v.selected_options.map((o) => o.value).join(',') || off[blockId];
    else if (v.selected_option) value = v.selected_option.value;
    else value = v.selected_date ?? v.selected_time ?? v.value ?? undefined;
    if (value !== undefined && value !== '') out[blockId] = value;
  }
  return out;
}

/** Toggles' "off" values, which Slack cannot send (an unticked checkbox is just absent). */
export function toggleOffValues(inputs: CardInput[]): Record<string, string> {
  return Object.fromEntries(inputs.filter((i) => i.type === 'Input.Toggle').map((i) => [clip(i.id, LIMITS.id), i.valueOff ?? 'false']));
}
