// One dispatcher for every channel: resolve the person, de-duplicate, screen free text, check the
// role once, validate card input with zod, run the workflow, and turn every failure into a card.
import type { Person } from '../domain';
import { looksLikeDisclosure } from '../domain/safeguarding';
import { rolesOf } from '../domain/people';
import type { Data } from '../store/schema';
import type { Command, Context, Outcome } from './command';
import { outcome, reply } from './command';
import { AppError, audited } from './errors';
import { mayRun, PERMISSIONS, type Permission, type PermissionKey } from './permissions';
import type { CardAction, TextCommand, Workflow } from './registry';
import { findPerson } from './people';
import { usageView } from './help';
import type { z } from 'zod';
import { messageCard } from './views/message-card';
import { redirectGuidance } from './workflows/dsl';

const MAX_PROCESSED = 5_000;

export interface Dispatcher {
  dispatch(cmd: Command): Promise<Outcome>;
  /** The scheduler's way in: every workflow's part of a job, their notifications together. */
  runJob(name: string): Promise<Outcome>;
  workflows: readonly Workflow[];
}

export function createDispatcher(base: Omit<Context, 'decisionEffects'>, workflows: Workflow[]): Dispatcher {
  const ctx: Context = { ...base, decisionEffects: Object.assign({}, ...workflows.map((w) => w.decisionEffects ?? {})) };
  const commands = workflows.flatMap((w) => w.commands).sort((a, b) => b.words.length - a.words.length);
  const actions = new Map<string, CardAction>(workflows.flatMap((w) => w.actions.map((a) => [a.verb, a] as const)));
  const inFlight = new Set<string>();

  async function dispatch(cmd: Command): Promise<Outcome> {
    // Another instance on the same database may have changed something since our snapshot.
    await ctx.store.refresh();
    const data = ctx.store.read();
    const person = findPerson(data, cmd.actor);
    if (!person) {
      return reply('unknown-person', { name: cmd.actor.name ?? 'there', contact: contactFor(data) });
    }
    if (!data.trust) {
      return reply('error', { code: 'NOT_SET_UP', message: 'This trust is not set up yet.', hint: 'Ask your trust office to set it up: npm run setup:trust, then import:gias, import:people and import:calendar.' });
    }
    if (cmd.dedupeKey) {
      if (inFlight.has(cmd.dedupeKey) || data.processed.includes(cmd.dedupeKey)) return { ...outcome(), duplicate: true };
      inFlight.add(cmd.dedupeKey);
    }
    try {
      if (containsDisclosure(cmd)) {
        // Nothing from this command is stored or logged: not the text, not that it was typed.
        return reply('safeguarding', redirectGuidance(data, person, contactFor(data)));
      }
      const key = cmd.dedupeKey;
      // The key commits with the command's first change; a command that changed nothing records it after.
      const result = key ? await ctx.store.withDedupeKey(key, () => route(cmd, person, data)) : await route(cmd, person, data);
      if (key && !ctx.store.read().processed.includes(key)) await remember(key);
      return result;
    } catch (e) {
      // A keyed command's key commits with its first change: it says whether anything was saved.
      const saved = cmd.dedupeKey ? ctx.store.read().processed.includes(cmd.dedupeKey) : undefined;
      return errorOutcome(e, cmd, person, saved);
    } finally {
      if (cmd.dedupeKey) inFlight.delete(cmd.dedupeKey);
    }
  }

  async function route(cmd: Command, person: Person, data: Readonly<Data>): Promise<Outcome> {
    const action = actions.get(cmd.name);
    if (action) {
      await authorize(person, action.verb, cmd);
      const parsed = action.schema.safeParse(cmd.data ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const field = issue.path.join('.') || 'the form';
        throw new AppError('BAD_INPUT', `That card could not be used: ${field}: ${inPlainWords(issue)}.`, 'Open the command again to get a fresh card, and fill in every field.');
      }
      return await auditRefusals(person, action.verb, cmd, () => action.run(ctx, { cmd, person, data }, parsed.data));
    }
    // A button may name a whole command as its verb ("risk open"): the same words as typed.
    const typed = [cmd.name, ...cmd.args].flatMap((w) => w.split(/\s+/)).filter(Boolean);
    const words = typed.map((w) => w.toLowerCase());
    if (words[0] === 'help' || words[1] === 'help') {
      const topic = words[0] === 'help' ? words[1] : words[0];
      return reply('help', helpData(person, topic));
    }
    const text = matchText(words);
    if (!text) return reply('usage', usageView(workflows, person, cmd.name));
    await authorize(person, text.key, cmd);
    const args = typed.slice(text.words.length);
    const result = await auditRefusals(person, text.key, cmd, () => text.run(ctx, { cmd: { ...cmd, args }, person, data }));
    return privately(text.key, cmd, person, result);
  }

  /** A private answer asked for in a shared channel goes to the person's own chat; the channel hears only that. */
  function privately(key: PermissionKey, cmd: Command, person: Person, result: Outcome): Outcome {
    const p: Permission = PERMISSIONS[key];
    if (!p.private || cmd.where.kind === 'personal' || cmd.where.repliesSeenBySenderOnly || !result.replies.length) return result;
    const sent = result.replies.map(({ replace: _replace, ...view }) => ({ ...view, to: { person: person.id } }));
    const notice = messageCard(`${person.name.split(' ')[0]}, I have sent that to your chat with me`, 'It is not for everyone in this channel.');
    return outcome([notice], [...sent, ...result.notifications]);
  }

  /** A handler's own refusal (another school's id, someone else's action) is audited like the role check's. */
  async function auditRefusals(person: Person, key: PermissionKey, cmd: Command, run: () => Outcome | Promise<Outcome>): Promise<Outcome> {
    try {
      return await run();
    } catch (e) {
      if (e instanceof AppError && e.code === 'NOT_ALLOWED' && !e.audited) {
        await refusal(person, key, cmd, e.message);
        audited(e);
      }
      throw e;
    }
  }

  async function refusal(person: Person, key: PermissionKey, cmd: Command, reason?: string): Promise<void> {
    await ctx.store.append('audit', {
      at: ctx.now().toISOString(),
      actorId: person.id,
      action: key,
      outcome: 'refused',
      detail: { platform: cmd.where.platform, ...(reason ? { reason } : {}) },
    });
  }

  function matchText(words: string[]): TextCommand | undefined {
    return commands.find((c) => c.words.every((w, i) => words[i] === w));
  }

  async function authorize(person: Person, key: PermissionKey, cmd: Command): Promise<void> {
    if (mayRun(rolesOf(person), key)) return;
    await refusal(person, key, cmd);
    throw audited(new AppError('NOT_ALLOWED', `Your role does not let you use "${key.replace('.', ' ')}".`, 'Type help to see what you can do, or ask your Director of School Improvement.'));
  }

  function helpData(person: Person, topic: string | undefined) {
    return usageView(workflows, person, topic, true);
  }

  async function remember(key: string): Promise<void> {
    await ctx.store.transact((d) => {
      d.processed.push(key);
      if (d.processed.length > MAX_PROCESSED) d.processed.splice(0, d.processed.length - MAX_PROCESSED);
    });
  }

  async function runJob(name: string): Promise<Outcome> {
    const all = outcome();
    for (const w of workflows) {
      const job = w.jobs?.[name];
      if (!job) continue;
      try {
        const o = await job(ctx);
        all.replies.push(...o.replies);
        all.notifications.push(...o.notifications);
      } catch (e) {
        // One workflow's failure must not stop the others' reminders.
        console.error(`[job] ${name} in ${w.name} failed:`, e);
      }
    }
    return all;
  }

  return { dispatch, runJob, workflows };
}

/** zod's generic wording, said as a person filling in a form would want it. */
function inPlainWords(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_format' && issue.format === 'date') return 'use a date like 2026-12-04';
  if (issue.code === 'invalid_format' && issue.format === 'time') return 'use a time like 13:30';
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) > 1) return `${issue.message} (at least ${issue.minimum} characters)`;
  if (issue.code === 'too_big' && issue.origin === 'string') return `${issue.message.startsWith('Too big') ? 'too long' : issue.message} (at most ${issue.maximum} characters)`;
  return issue.message;
}

function containsDisclosure(cmd: Command): boolean {
  // The first word is free text too when the message is not a command ("Allegation about …").
  const texts: string[] = [[cmd.name, ...cmd.args].join(' ')];
  const walk = (v: unknown) => {
    if (typeof v === 'string') texts.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(cmd.data);
  return texts.some(looksLikeDisclosure);
}

function contactFor(data: Readonly<Data>): string {
  const dosi = data.people.find((p) => p.roles.some((r) => r.role === 'dosi'));
  return dosi ? `${dosi.name} (${dosi.email})` : 'your trust office';
}

/** What the person is told when a command fails: whether it was saved is said only when it is known. */
function errorOutcome(e: unknown, cmd: Command, person: Person, saved: boolean | undefined): Outcome {
  if (e instanceof AppError) return reply('error', { code: e.code, message: e.message, hint: e.hint });
  // Unexpected: keep the process up, tell the user plainly, log for the operator without their text.
  console.error(`[dispatch] ${cmd.name} by ${person.id} failed:`, e);
  if (saved) {
    // Sending it again would find it done (the key is stored), but the person need not try.
    return reply('error', { code: 'SAVED', message: 'Saved, but the answer could not be shown.', hint: 'No need to send it again: open it again to see where it stands.' });
  }
  return reply('error', {
    code: saved === false ? 'NOT_SAVED' : 'INTERNAL',
    message: saved === false ? 'Not saved: something went wrong on our side, and nothing was changed.' : 'Something went wrong on our side.',
    hint: saved === false ? 'Try again in a minute. If it keeps happening, tell your trust office.' : 'Check whether it was saved before trying again. If it keeps happening, tell your trust office.',
  });
}
