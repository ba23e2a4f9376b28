// What Teams and Slack refuse, written from their documentation and not from the bot's own
// src/channels/slack/limits.ts: the fakes use these checks, so a test cannot pass where the real
// platform would fail. Pure; each problem names where it is and the limit it breaks.
//
// Teams (learn.microsoft.com, "Format your bot messages"; PLATFORM-NOTES): a message, card included,
// is refused over about 28 KB with 413 MessageSizeTooBig; Adaptive Cards up to schema 1.5; a card's
// refresh reaches at most 60 users.
// Slack (docs.slack.dev, Block Kit reference: blocks, block elements, composition objects, views;
// chat.postMessage): the limits below, each from the reference page of the object it applies to.

export const TEAMS_MAX_ACTIVITY_BYTES = 28 * 1024;
const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const TEAMS_MAX_CARD_VERSION = [1, 5];
const TEAMS_MAX_REFRESH_USERS = 60;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

/** Why Teams would refuse this activity (empty when it would take it). */
export function teamsActivityProblems(activity: unknown): string[] {
  if (!isObj(activity)) return ['the activity is not a JSON object'];
  const problems: string[] = [];
  const bytes = Buffer.byteLength(JSON.stringify(activity), 'utf8');
  if (bytes > TEAMS_MAX_ACTIVITY_BYTES) problems.push(`activity is ${bytes} bytes, over Teams' ${TEAMS_MAX_ACTIVITY_BYTES} (28 KB)`);
  const attachments = activity.attachments;
  if (attachments !== undefined && !Array.isArray(attachments)) problems.push('attachments is not an array');
  (Array.isArray(attachments) ? attachments : []).forEach((a, i) => {
    if (!isObj(a) || a.contentType !== ADAPTIVE_CARD) return;
    problems.push(...adaptiveCardProblems(a.content, `attachments[${i}].content`));
  });
  return problems;
}

function adaptiveCardProblems(card: unknown, at: string): string[] {
  if (!isObj(card)) return [`${at}: the Adaptive Card is missing`];
  const problems: string[] = [];
  if (card.type !== 'AdaptiveCard') problems.push(`${at}.type is ${String(card.type)}, not AdaptiveCard`);
  const version = typeof card.version === 'string' ? card.version.match(/^(\d+)\.(\d+)$/) : null;
  if (!version) problems.push(`${at}.version is missing or not major.minor`);
  else {
    const [major, minor] = [Number(version[1]), Number(version[2])];
    const [maxMajor, maxMinor] = TEAMS_MAX_CARD_VERSION as [number, number];
    if (major > maxMajor || (major === maxMajor && minor > maxMinor)) problems.push(`${at}.version ${card.version} is above Teams' 1.5`);
  }
  const refresh = card.refresh;
  if (isObj(refresh) && Array.isArray(refresh.userIds) && refresh.userIds.length > TEAMS_MAX_REFRESH_USERS) {
    problems.push(`${at}.refresh.userIds has ${refresh.userIds.length}, over ${TEAMS_MAX_REFRESH_USERS}`);
  }
  return problems;
}

// ---- Slack ---------------------------------------------------------------------------------------

export type SlackSurface = 'message' | 'modal' | 'home';

const MAX_BLOCKS: Record<SlackSurface, number> = { message: 50, modal: 100, home: 100 };
const MAX_MESSAGE_TEXT = 40_000;
const MAX_TEXT = 3000; // any text object
const MAX_ID = 255;
const MAX_URL = 3000;
const MAX_PLACEHOLDER = 150;
const MAX_OPTION_TEXT = 75;
const MAX_OPTION_VALUE = 150;
const KNOWN_BLOCKS = new Set(['section', 'header', 'context', 'actions', 'divider', 'input', 'image', 'rich_text', 'file', 'video', 'markdown']);

/** Why Slack would refuse this message, modal or Home tab (empty when it would take it). */
export function slackPayloadProblems(payload: { text?: string; blocks?: unknown[] }, surface: SlackSurface): string[] {
  const p: string[] = [];
  const c = new Checker(p);
  const view = payload as Obj;
  if (payload.text !== undefined) {
    if (typeof payload.text !== 'string') p.push('text is not a string');
    else if (payload.text.length > MAX_MESSAGE_TEXT) p.push(`text is ${payload.text.length} characters, over ${MAX_MESSAGE_TEXT}`);
  }
  if (surface === 'modal') {
    c.text(view.title, '/title', { max: 24, plainOnly: true, required: true });
    c.text(view.submit, '/submit', { max: 24, plainOnly: true });
    c.text(view.close, '/close', { max: 24, plainOnly: true });
  }
  if (surface !== 'message') {
    c.maxLen(view.private_metadata, '/private_metadata', 3000);
    c.maxLen(view.callback_id, '/callback_id', MAX_ID);
  }
  const blocks = payload.blocks;
  if (blocks === undefined) {
    if (surface !== 'message') p.push('blocks are missing');
    else if (!payload.text) p.push('a message needs text or blocks');
    return p;
  }
  if (!Array.isArray(blocks)) return [...p, 'blocks is not an array'];
  if (blocks.length > MAX_BLOCKS[surface]) p.push(`${blocks.length} blocks, over ${MAX_BLOCKS[surface]} for a ${surface}`);
  blocks.forEach((b, i) => c.block(b, `/blocks/${i}`));
  return p;
}

interface TextRule {
  max?: number;
  plainOnly?: boolean;
  required?: boolean;
}

/** Walks one payload, collecting problems and the ids that must be unique within it. */
class Checker {
  private blockIds = new Set<string>();
  private actionIds = new Set<string>();
  constructor(private readonly p: string[]) {}

  maxLen(v: unknown, at: string, max: number): void {
    if (v === undefined) return;
    if (typeof v !== 'string') this.p.push(`${at} is not a string`);
    else if (v.length > max) this.p.push(`${at} is ${v.length} characters, over ${max}`);
  }

  /** A text object: plain_text or mrkdwn, 1 to 3000 characters unless the field says less. */
  text(v: unknown, at: string, rule: TextRule = {}): void {
    if (v === undefined) {
      if (rule.required) this.p.push(`${at} is missing`);
      return;
    }
    if (!isObj(v)) return void this.p.push(`${at} is not a text object`);
    if (v.type !== 'plain_text' && (v.type !== 'mrkdwn' || rule.plainOnly)) this.p.push(`${at}.type is ${String(v.type)}, not ${rule.plainOnly ? 'plain_text' : 'plain_text or mrkdwn'}`);
    if (typeof v.text !== 'string' || v.text.length === 0) return void this.p.push(`${at}.text is empty`);
    const max = rule.max ?? MAX_TEXT;
    if (v.text.length > max) this.p.push(`${at}.text is ${v.text.length} characters, over ${max}`);
  }

  id(v: unknown, at: string, seen: Set<string>, what: string): void {
    if (v === undefined) return;
    if (typeof v !== 'string' || v.length === 0) return void this.p.push(`${at} is empty`);
    if (v.length > MAX_ID) this.p.push(`${at} is ${v.length} characters, over ${MAX_ID}`);
    if (seen.has(v)) this.p.push(`${at} repeats the ${what} "${v}"`);
    seen.add(v);
  }

  list(v: unknown, at: string, min: number, max: number): unknown[] {
    if (!Array.isArray(v)) {
      if (min > 0) this.p.push(`${at} is missing`);
      return [];
    }
    if (v.length < min) this.p.push(`${at} has ${v.length}, needs at least ${min}`);
    if (v.length > max) this.p.push(`${at} has ${v.length}, over ${max}`);
    return v;
  }

  block(b: unknown, at: string): void {
    if (!isObj(b)) return void this.p.push(`${at} is not a block`);
    this.id(b.block_id, `${at}/block_id`, this.blockIds, 'block_id');
    switch (b.type) {
      case 'section': {
        if (b.text === undefined && b.fields === undefined) this.p.push(`${at} needs text or fields`);
        this.text(b.text, `${at}/text`);
        if (b.fields !== undefined) this.list(b.fields, `${at}/fields`, 1, 10).forEach((f, i) => this.text(f, `${at}/fields/${i}`, { max: 2000 }));
        if (b.accessory !== undefined) this.element(b.accessory, `${at}/accessory`);
        return;
      }
      case 'header':
        return this.text(b.text, `${at}/text`, { max: 150, plainOnly: true, required: true });
      case 'context':
        this.list(b.elements, `${at}/elements`, 1, 10).forEach((e, i) => {
          if (isObj(e) && e.type === 'image') this.image(e, `${at}/elements/${i}`);
          else this.text(e, `${at}/elements/${i}`, { required: true });
        });
        return;
      case 'actions':
        this.list(b.elements, `${at}/elements`, 1, 25).forEach((e, i) => this.element(e, `${at}/elements/${i}`));
        return;
      case 'input':
        this.text(b.label, `${at}/label`, { max: 2000, plainOnly: true, required: true });
        this.text(b.hint, `${at}/hint`, { max: 2000, plainOnly: true });
        if (b.element === undefined) this.p.push(`${at}/element is missing`);
        else this.element(b.element, `${at}/element`);
        return;
      case 'image':
        this.image(b, at);
        this.text(b.title, `${at}/title`, { max: 2000, plainOnly: true });
        return;
      default:
        if (typeof b.type !== 'string' || !KNOWN_BLOCKS.has(b.type)) this.p.push(`${at}.type ${String(b.type)} is not a Block Kit block`);
    }
  }

  image(e: Obj, at: string): void {
    if (typeof e.image_url === 'string') this.maxLen(e.image_url, `${at}/image_url`, MAX_URL);
    else if (!isObj(e.slack_file)) this.p.push(`${at} needs image_url or slack_file`);
    if (typeof e.alt_text !== 'string' || !e.alt_text) this.p.push(`${at}/alt_text is empty`);
    else this.maxLen(e.alt_text, `${at}/alt_text`, 2000);
  }

  element(e: unknown, at: string): void {
    if (!isObj(e)) return void this.p.push(`${at} is not an element`);
    this.id(e.action_id, `${at}/action_id`, this.actionIds, 'action_id');
    this.text(e.placeholder, `${at}/placeholder`, { max: MAX_PLACEHOLDER, plainOnly: true });
    switch (e.type) {
      case 'button':
        this.text(e.text, `${at}/text`, { max: 75, plainOnly: true, required: true });
        this.maxLen(e.value, `${at}/value`, 2000);
        this.maxLen(e.url, `${at}/url`, MAX_URL);
        if (e.style !== undefined && e.style !== 'primary' && e.style !== 'danger') this.p.push(`${at}/style ${String(e.style)} is not primary or danger`);
        return;
      case 'static_select':
      case 'multi_static_select': {
        const all = this.optionsOrGroups(e, at, 100);
        if (e.initial_option !== undefined) this.initial([e.initial_option], all, `${at}/initial_option`);
        if (e.initial_options !== undefined) this.initial(this.list(e.initial_options, `${at}/initial_options`, 1, 100), all, `${at}/initial_options`);
        return;
      }
      case 'overflow':
        this.options(this.list(e.options, `${at}/options`, 1, 5), `${at}/options`);
        return;
      case 'checkboxes':
      case 'radio_buttons': {
        const all = this.options(this.list(e.options, `${at}/options`, 1, 10), `${at}/options`);
        if (e.initial_option !== undefined) this.initial([e.initial_option], all, `${at}/initial_option`);
        if (e.initial_options !== undefined) this.initial(this.list(e.initial_options, `${at}/initial_options`, 1, 10), all, `${at}/initial_options`);
        return;
      }
      case 'plain_text_input':
        this.maxLen(e.initial_value, `${at}/initial_value`, 3000);
        if (typeof e.max_length === 'number' && e.max_length > 3000) this.p.push(`${at}/max_length ${e.max_length} is over 3000`);
        return;
      case 'datepicker':
        if (e.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(e.initial_date))) this.p.push(`${at}/initial_date ${String(e.initial_date)} is not YYYY-MM-DD`);
        return;
      case 'timepicker':
        if (e.initial_time !== undefined && !/^\d{2}:\d{2}$/.test(String(e.initial_time))) this.p.push(`${at}/initial_time ${String(e.initial_time)} is not HH:mm`);
        return;
      case 'image':
        return this.image(e, at);
      case 'external_select':
      case 'multi_external_select':
      case 'users_select':
      case 'multi_users_select':
      case 'conversations_select':
      case 'multi_conversations_select':
      case 'channels_select':
      case 'multi_channels_select':
      case 'email_text_input':
      case 'url_text_input':
      case 'number_input':
      case 'datetimepicker':
      case 'rich_text_input':
      case 'file_input':
        return;
      default:
        this.p.push(`${at}.type ${String(e.type)} is not a Block Kit element`);
    }
  }

  /** Options straight on the element, or in option_groups (each ≤100 options, label ≤75). */
  private optionsOrGroups(e: Obj, at: string, max: number): Obj[] {
    if (e.option_groups !== undefined) {
      if (e.options !== undefined) this.p.push(`${at} has both options and option_groups`);
      return this.list(e.option_groups, `${at}/option_groups`, 1, 100).flatMap((g, i) => {
        if (!isObj(g)) return [];
        this.text(g.label, `${at}/option_groups/${i}/label`, { max: 75, plainOnly: true, required: true });
        return this.options(this.list(g.options, `${at}/option_groups/${i}/options`, 1, max), `${at}/option_groups/${i}/options`);
      });
    }
    return this.options(this.list(e.options, `${at}/options`, 1, max), `${at}/options`);
  }

  private options(list: unknown[], at: string): Obj[] {
    const values = new Set<string>();
    return list.filter((o, i): o is Obj => {
      if (!isObj(o)) {
        this.p.push(`${at}/${i} is not an option`);
        return false;
      }
      this.text(o.text, `${at}/${i}/text`, { max: MAX_OPTION_TEXT, required: true });
      this.text(o.description, `${at}/${i}/description`, { max: MAX_OPTION_TEXT });
      if (typeof o.value !== 'string' || !o.value) this.p.push(`${at}/${i}/value is empty`);
      else {
        this.maxLen(o.value, `${at}/${i}/value`, MAX_OPTION_VALUE);
        if (values.has(o.value)) this.p.push(`${at}/${i}/value repeats "${o.value}"`);
        values.add(o.value);
      }
      return true;
    });
  }

  /** Slack refuses an initial option that is not exactly one of the options. */
  private initial(chosen: unknown[], all: Obj[], at: string): void {
    for (const o of chosen) {
      const label = (x: Obj) => (isObj(x.text) ? x.text.text : undefined);
      const match = isObj(o) && all.some((x) => x.value === o.value && label(x) === label(o));
      if (!match) this.p.push(`${at} is not one of the options`);
    }
  }
}
