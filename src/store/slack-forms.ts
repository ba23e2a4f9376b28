// Forms behind Slack buttons: a button's value is limited to 2,000 characters, so it carries a short
// reference and the form (inputs, title, heading) is kept here. Content-addressed: the reference is
// a hash of the form, so the same form is stored once and a stored form never changes. One small
// write-once file per form under DATA_DIR/slack-forms/, so posting a card never rewrites db.json.
// Kept behind this interface so that it can move to SQL with the rest of the store.
import { createHash } from 'node:crypto';
import { access, mkdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { syncDir, writeDurably } from './durable-file';
import { StoreError } from './errors';

/** What a modal needs to open: the card's inputs (as data), the action's title and the card's heading. */
export const StoredFormSchema = z.object({
  inputs: z.array(z.looseObject({ type: z.string(), id: z.string() })),
  title: z.string(),
  heading: z.string(),
  /** The action's data, when it is too large to ride in the button itself. */
  data: z.record(z.string(), z.unknown()).optional(),
});
export type StoredForm = z.infer<typeof StoredFormSchema>;

export interface SlackFormStore {
  /** Stores forms (idempotent: a form already stored is left alone). Resolves once they are on disk. */
  save(forms: readonly { ref: string; form: StoredForm }[]): Promise<void>;
  /** The form behind a reference, or undefined when it is not (or no longer) stored. */
  get(ref: string): Promise<StoredForm | undefined>;
}

/** A form's reference: a hash of its content, short enough for a button value, safe as a file name. */
export function formRef(form: StoredForm): string {
  return createHash('sha256').update(canonical(form)).digest('base64url').slice(0, 24);
}

const REF = /^[A-Za-z0-9_-]{16,64}$/;

export function openSlackFormStore(dir: string): SlackFormStore {
  const known = new Set<string>();
  const cache = new Map<string, StoredForm>();
  const CACHE_MAX = 500;
  let ready: Promise<unknown> | undefined;
  const remember = (ref: string, form: StoredForm) => {
    cache.set(ref, form);
    if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
  };
  const fileOf = (ref: string) => path.join(dir, `${ref}.json`);
  const writing = new Map<string, Promise<void>>();
  let tmpSeq = 0;

  async function writeOnce(ref: string, form: StoredForm): Promise<void> {
    if (!REF.test(ref)) throw new StoreError('STORE_INVALID', `bad Slack form reference ${ref}`, 'This is a bug: form references come from formRef().');
    if (!(await exists(fileOf(ref)))) {
      // A temp file renamed into place, so a reader never sees half a form.
      const tmp = path.join(dir, `.${ref}.${process.pid}.${++tmpSeq}.tmp`);
      try {
        await writeDurably(tmp, JSON.stringify(form));
        await rename(tmp, fileOf(ref));
        await syncDir(dir);
      } catch (e) {
        throw new StoreError('STORE_IO', `cannot write ${fileOf(ref)}: ${(e as Error).message}`, 'Check disk space and DATA_DIR permissions.');
      }
    }
    known.add(ref);
    remember(ref, form);
  }

  return {
    async save(forms) {
      const fresh = forms.filter((f) => !known.has(f.ref));
      if (!fresh.length) return;
      ready ??= mkdir(dir, { recursive: true });
      await ready;
      // Two sends of the same form at once write it once.
      await Promise.all(fresh.map((f) => {
        let p = writing.get(f.ref);
        if (!p) {
          p = writeOnce(f.ref, f.form).finally(() => writing.delete(f.ref));
          writing.set(f.ref, p);
        }
        return p;
      }));
    },
    async get(ref) {
      if (!REF.test(ref)) return undefined;
      const hit = cache.get(ref);
      if (hit) return hit;
      let text: string;
      try {
        text = await readFile(fileOf(ref), 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new StoreError('STORE_IO', `cannot read ${fileOf(ref)}: ${(e as Error).message}`, 'Check DATA_DIR and its permissions.');
      }
      let parsed: ReturnType<typeof StoredFormSchema.safeParse>;
      try {
        parsed = StoredFormSchema.safeParse(JSON.parse(text));
      } catch {
        return undefined;
      }
      if (!parsed.success) return undefined;
      known.add(ref);
      remember(ref, parsed.data);
      return parsed.data;
    },
  };
}

const exists = (file: string) => access(file).then(() => true, () => false);

/** JSON with object keys sorted, so that equal forms hash equally whatever order they were built in. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
