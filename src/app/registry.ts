// The shape of a command or card action, as each workflow module declares it.
import type { z } from 'zod';
import type { Approval } from '../domain';
import type { Context, DecisionEffect, Outcome, Request } from './command';
import type { PermissionKey } from './permissions';

export interface TextCommand {
  /** Permission key in permissions.ts. */
  key: PermissionKey;
  /** The words that call it: ['risk', 'open']. The longest match wins; what follows are args. */
  words: string[];
  usage: string;
  summary: string;
  run(ctx: Context, req: Request): Outcome | Promise<Outcome>;
}

export interface CardAction<S extends z.ZodType = z.ZodType> {
  /** The Action.Execute verb, and its permission key. */
  verb: PermissionKey;
  /** Validates the action's data and inputs: a forged or incomplete submission stops here. */
  schema: S;
  run(ctx: Context, req: Request, input: z.infer<S>): Outcome | Promise<Outcome>;
}

export interface Workflow {
  /** The top-level command word, for `help <command>`. */
  name: string;
  summary: string;
  commands: TextCommand[];
  actions: CardAction<any>[];
  /** Scheduled work by job name (see src/scheduler/jobs.ts): reminders, nudges, digests. */
  jobs?: Record<string, (ctx: Context) => Outcome | Promise<Outcome>>;
  /** What this workflow does when a decision it raised is approved or rejected. */
  decisionEffects?: Partial<Record<Approval['kind'], DecisionEffect>>;
}

export function defineAction<S extends z.ZodType>(a: CardAction<S>): CardAction<S> {
  return a;
}
