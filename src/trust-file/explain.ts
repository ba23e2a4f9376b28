// Turns a zod issue into a sentence an IT lead can act on: what is wrong with the field and what is allowed
// there, read from the schema itself (its fields, its choices, its bounds) rather than zod's own words.
import type { z } from 'zod';
import { CADENCE_FORMS } from './cadence';

type Schema = z.core.$ZodType;
type Def = { type: string; [k: string]: unknown };
const def = (s: Schema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Through optional, default, preprocess and transform to the schema that checks the value. */
function core(s: Schema): Schema {
  for (;;) {
    const d = def(s);
    if (d.type === 'optional' || d.type === 'default' || d.type === 'nullable' || d.type === 'prefault') s = d.innerType as Schema;
    else if (d.type === 'pipe') s = (def(d.in as Schema).type === 'transform' ? d.out : d.in) as Schema;
    else return s;
  }
}

/** The schema at a path of the data, or undefined where the path leaves the schema (a record's key, a union). */
export function schemaAt(root: Schema, path: readonly PropertyKey[]): Schema | undefined {
  let s: Schema | undefined = root;
  for (const key of path) {
    if (!s) return undefined;
    const d = def(core(s));
    if (d.type === 'object') s = (d.shape as Record<string, Schema>)[String(key)];
    else if (d.type === 'array') s = d.element as Schema;
    else if (d.type === 'record') s = d.valueType as Schema;
    else return undefined;
  }
  return s;
}

/** What a field accepts, in words. */
export function allowed(s: Schema | undefined): string {
  if (!s) return 'see docs/trust-file.md';
  const d = def(core(s));
  switch (d.type) {
    case 'enum':
      return `one of ${Object.values(d.entries as Record<string, string>).join(', ')}`;
    case 'object':
      return `a set of fields: ${Object.keys(d.shape as object).join(', ')}`;
    case 'array':
      return 'a list (each entry on its own line starting with "- ")';
    case 'record':
      return 'a set of named lists';
    case 'boolean':
      return 'true or false';
    case 'number': {
      const checks = (d.checks as { _zod: { def: { check: string; value?: number; inclusive?: boolean } } }[] | undefined) ?? [];
      const min = checks.map((c) => c._zod.def).find((c) => c.check === 'greater_than')?.value;
      const whole = checks.some((c) => (c._zod.def as { format?: string }).format === 'safeint');
      return `${whole ? 'a whole number' : 'a number'}${min !== undefined ? `, ${min} or more` : ''}`;
    }
    case 'string': {
      const pattern = (d.checks as { _zod: { def: { format?: string } } }[] | undefined)?.some((c) => c._zod.def.format === 'regex');
      return pattern ? 'an id: lower-case letters, digits and hyphens (e.g. "repair", "director-of-qa")' : 'some text';
    }
    case 'union':
      return (d.options as Schema[]).map(allowed).join(', or ');
    default:
      return 'see docs/trust-file.md';
  }
}

const shown = (v: unknown) => (typeof v === 'string' ? `"${v}"` : v === null ? 'nothing' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a set of fields' : String(v));

/** The sentence for one issue; `field` is the name of the field it is about. */
export function explain(issue: z.core.$ZodIssue, root: Schema, field: string): string {
  const at = schemaAt(root, issue.path);
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'custom':
      if (issue.message === 'cadence') return `${shown(input)} is not a cadence: write ${CADENCE_FORMS}`;
      if (issue.message === 'month') return `${shown(input)} is not a month: write 1 to 12 or a month's name (e.g. July)`;
      return issue.message;
    case 'unrecognized_keys': {
      const fields = at ? Object.keys((def(core(at)).shape as object | undefined) ?? {}) : [];
      return `${issue.keys.map((k) => `"${k}"`).join(', ')} ${issue.keys.length > 1 ? 'are not fields' : 'is not a field'} here: the fields are ${fields.join(', ')}`;
    }
    case 'invalid_type':
      if (input === undefined) return `${field} is missing: it is required (${allowed(at)})`;
      return `${field} is ${shown(input)}: it must be ${allowed(at)}`;
    case 'invalid_value':
      return `${shown(input)} is not allowed for ${field}: use one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      return `${shown(input)} is not allowed for ${field}: it must be ${allowed(at)}`;
    case 'too_small':
      if (issue.origin === 'array') return `${field} needs at least ${issue.minimum} ${Number(issue.minimum) === 1 ? 'entry' : 'entries'}`;
      if (issue.origin === 'string') return `${field} is empty: write something`;
      return `${field} is ${shown(input)}: it must be ${issue.minimum} or more`;
    case 'too_big':
      return `${field} is ${shown(input)}: it must be ${issue.maximum} or less`;
    case 'invalid_union':
      return `${field} is ${shown(input)}: it must be ${allowed(at)}`;
    default:
      return `${field}: ${issue.message}`;
  }
}
