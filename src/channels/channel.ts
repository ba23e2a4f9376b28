// What a channel adapter hands the server: its HTTP routes and a sender for the outbox.
import type { Dispatcher } from '../app/dispatcher';
import type { Config } from '../config';
import type { Outbox } from '../delivery/outbox';
import type { Sender } from '../delivery/sender';
import type { Scheduler } from '../scheduler/scheduler';
import type { Route } from '../server';
import type { Store } from '../store/store';

/** A channel that cannot start (credentials refused, platform unreachable): said in one line, no stack. */
export class StartupError extends Error {
  readonly code = 'CHANNEL_START';
}

export interface Channel {
  name: string;
  routes: Route[];
  sender?: Sender;
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

export interface ChannelDeps {
  config: Config;
  store: Store;
  dispatcher: Dispatcher;
  outbox: Outbox;
  /** The scheduler, for controls such as the playground's "send the digest now". */
  scheduler: () => Scheduler | undefined;
  now: () => Date;
}
