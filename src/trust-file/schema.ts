// The trust file: one trust's own model (settings, framework, questions, round, roles, forums, surveys),
// written by hand in YAML. This schema turns it into plain typed data; it knows nothing of files or lines
// (read-trust-file.ts does) and nothing of the store. Every field has a default so that a small file works.
import { z } from 'zod';
import { parseCadence, type Cadence } from './cadence';
import { completeTrustFile } from './complete';
import { checkReferences } from './references';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/);
const text = z.string().trim().min(1);
const texts = z.array(text).default([]);

const cadence = z.string().transform((s, ctx): Cadence => {
  const c = parseCadence(s);
  if (!c) {
    ctx.addIssue({ code: 'custom', message: `cadence`, input: s });
    return z.NEVER;
  }
  return c;
});

/** A string is shorthand for `{ what: <string> }`. */
function shorthand<T extends z.ZodType>(key: string, schema: T) {
  return z.preprocess((v) => (typeof v === 'string' ? { [key]: v } : v), schema);
}

/** One item of a support package, a review or a remedial action: what, who leads it, how often. */
export const PackageItemSchema = shorthand(
  'what',
  z.strictObject({
    what: text,
    /** Who leads it, in the trust's words ("Flourishing School Partner", "CEO"). */
    lead: text.optional(),
    cadence: cadence.optional(),
    /** How many times while the school is in this category, where the document gives a count and no period. */
    times: z.number().int().min(1).optional(),
    /** When in the year, in the trust's words ("end of autumn and end of summer term"). */
    when: text.optional(),
    /** A share of someone's time ("0.1-0.2"), as the document gives it. */
    allocation: z.union([z.number().min(0).max(5), text]).transform(String).optional(),
    note: text.optional(),
    /** How the item reads to people; by default what, cadence and note together. */
    text: text.optional(),
  }),
);
export type PackageItem = z.output<typeof PackageItemSchema>;

export const COLOURS = ['good', 'accent', 'warning', 'attention', 'default'] as const;

const categoryFields = {
  id,
  label: text,
  /** Shown in tight places: a letter (Flying High's A-D) or the colour's first letter. */
  short: text,
  /** 0 is the strongest; higher means more concern. Each category its own rank. */
  rank: z.number().int().min(0),
  colour: z.enum(COLOURS).default('default'),
  criteria: texts,
  /** Benchmarks per strand of the framework: strand id → what the category looks like in it. */
  benchmarks: z.record(z.string(), z.array(text)).default({}),
  expectedDuration: text.optional(),
  /** The role whose approval a move into this category needs; none means the risk meeting decides. */
  decidedBy: id.optional(),
  support: z.array(PackageItemSchema).default([]),
  reviews: z.array(PackageItemSchema).default([]),
  /** Remedial actions that land in the school's ISAP when it moves in. */
  actions: z.array(PackageItemSchema).default([]),
  /**
   * Ids of categories in force before this file that this one takes over: setup:trust moves schools
   * placed in them here (a rename, or a removed category's schools). Past history keeps the old ids.
   */
  replaces: z.array(id).default([]),
};

export const CategorySchema = z.strictObject(categoryFields);
export type FileCategory = z.output<typeof CategorySchema>;

/** An overlay sits on top of any category at any time (Pele's URGENT ACTION); its rank defaults to after the worst. */
export const OverlaySchema = z.strictObject({ ...categoryFields, rank: categoryFields.rank.optional() });

export const StrandSchema = shorthand('label', z.strictObject({ id: id.optional(), label: text, within: id.optional() })).transform((s) => ({
  ...s,
  id: s.id ?? slug(s.label),
}));

export const FrameworkSchema = z.strictObject({
  id: id.optional(),
  name: text,
  /** What the trust calls a category ("category", "phase"). */
  term: text.default('category'),
  strands: z.array(StrandSchema).default([]),
  categories: z.array(CategorySchema).min(2),
  overlay: OverlaySchema.optional(),
});
export type FileFramework = z.output<typeof FrameworkSchema>;

export const SETTING_KINDS = ['school', 'special-school', 'arb', 'hospital', 'alternative-provision', 'residential'] as const;
export const PHASES = ['nursery', 'primary', 'middle', 'secondary', 'all-through', 'post-16'] as const;

export const SettingSchema = z.strictObject({
  id,
  name: text,
  kind: z.enum(SETTING_KINDS).default('school'),
  phase: z.enum(PHASES).optional(),
  urn: z.union([z.string().regex(/^\d{6,7}$/), z.number().int()]).transform(String).optional(),
  /** An ARB or residential provision names the setting it belongs to. */
  within: id.optional(),
  hub: text.optional(),
  region: text.optional(),
  cluster: text.optional(),
});
export type FileSetting = z.output<typeof SettingSchema>;

export const GroupingsSchema = z.strictObject({ hubs: texts, regions: texts, clusters: texts });

export const QUESTION_KINDS = ['yes-no', 'choice', 'number', 'date', 'text', 'criteria'] as const;

export const QuestionSchema = z.strictObject({
  id,
  text,
  kind: z.enum(QUESTION_KINDS),
  required: z.boolean().default(true),
  /** each-setting: every headteacher answers; trust-wide: answered once for everyone (national attendance). */
  asked: z.enum(['each-setting', 'trust-wide']).default('each-setting'),
  options: z.array(text).default([]),
  /** How an answer points to a proposed category: `if` an answer, `then` a move. */
  points: z
    .array(z.strictObject({ if: z.union([z.string(), z.number(), z.boolean()]).transform(String), then: text }))
    .default([]),
});
export type FileQuestion = z.output<typeof QuestionSchema>;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const month = z.union([z.number(), z.string()]).transform((m, ctx) => {
  const n = typeof m === 'number' ? m : MONTHS.indexOf(m.trim().toLowerCase()) + 1 || Number(m);
  if (!Number.isInteger(n) || n < 1 || n > 12) {
    ctx.addIssue({ code: 'custom', message: 'month', input: m });
    return z.NEVER;
  }
  return n;
});

export const RoundSchema = z.strictObject({
  cadence: z.enum(['half-termly', 'termly', 'annual']).default('half-termly'),
  /** An annual round for all settings: the month it is held. */
  month: month.optional(),
  /** An annual round held per phase, each in its own month (Pele: primary July, secondary September). */
  byPhase: z.array(z.strictObject({ phase: z.enum(PHASES), month })).default([]),
});
export type FileRound = z.output<typeof RoundSchema>;

export const RoleSchema = z.strictObject({
  id,
  label: text.optional(),
  /** A role of the trust's own acts like this known one (its permissions). */
  like: id.optional(),
  scope: z.enum(['trust', 'setting', 'hub']).optional(),
});

export const ForumSchema = z.strictObject({
  id,
  name: text,
  cadence: cadence.optional(),
  chair: text.optional(),
  /** Who attends, in the trust's words. */
  attendees: texts,
  /** Roles invited by the bot. */
  invite: z.array(id).default([]),
  purpose: texts,
  /** Categories whose schools are expected to attend. */
  expectedFor: z.array(id).default([]),
});

export const SURVEY_AUDIENCES = ['staff', 'pupils', 'parents', 'stakeholders', 'governors'] as const;
export const SurveySchema = z.strictObject({
  id,
  title: text,
  audience: z.enum(SURVEY_AUDIENCES),
  cadence: cadence.optional(),
  questions: z
    .array(
      shorthand(
        'text',
        z.strictObject({ text, type: z.enum(['likert', 'choice', 'text']).default('likert'), options: z.array(text).default([]) }),
      ),
    )
    .default([]),
});

/** The quality-assurance calendar whatever a school's category: reviews done to a school, returns made by one, reports the trust makes, meetings. */
export const CalendarItemSchema = shorthand(
  'what',
  z.strictObject({
    what: text,
    type: z.enum(['review', 'return', 'report', 'meeting']).default('review'),
    lead: text.optional(),
    cadence: cadence.optional(),
    term: z.enum(['autumn', 'spring', 'summer']).optional(),
    note: text.optional(),
  }),
);

/** When a school disagrees with its category: who may raise it and whose decision is final. */
export const DisputesSchema = z.strictObject({ raisedBy: z.array(id).default([]), decidedBy: id.optional() });

export const TrustFileFields = z.strictObject({
    name: text,
    settings: z.array(SettingSchema).default([]),
    groupings: GroupingsSchema.default({ hubs: [], regions: [], clusters: [] }),
    framework: FrameworkSchema.optional(),
    questions: z.array(QuestionSchema).default([]),
    round: RoundSchema.optional(),
    roles: z.array(RoleSchema).default([]),
    planStrands: texts,
    forums: z.array(ForumSchema).default([]),
    surveys: z.array(SurveySchema).default([]),
    calendar: z.array(CalendarItemSchema).default([]),
    disputes: DisputesSchema.optional(),
});
/** The file as written, once each field is checked on its own. */
export type TrustFileData = z.output<typeof TrustFileFields>;

/** The file once its references are checked: question rules parsed, a framework's default round and questions filled in. */
export const TrustFileSchema = TrustFileFields.superRefine(checkReferences).transform(completeTrustFile);
export type TrustFile = z.output<typeof TrustFileSchema>;

export function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
