// Wires the bot together: store → dispatcher → channels → server → scheduler. Used by main.ts
// and by the tests, which start the whole bot on a free port with a temporary DATA_DIR.
import { randomUUID } from 'node:crypto';
import type { Context, Outcome } from './app/command';
import { createDispatcher, type Dispatcher } from './app/dispatcher';
import type { Workflow } from './app/registry';
import { WORKFLOWS } from './app/workflows';
import type { Channel, ChannelDeps } from './channels/channel';
import { createPlayground } from './channels/local/playground';
import { graphCalendar } from './graph/calendar';
import type { Config } from './config';
import { createOutbox, type Outbox } from './delivery/outbox';
import { startScheduler, type Scheduler } from './scheduler/scheduler';
import { seedDemoTrust } from './seed/demo-trust';
import { noteTrustFile, readTrustFileAtStart } from './seed/trust-file-start';
import { startServer, type Server } from './server';
import { openStore } from './store/open';
import { loadOrCreateSecret } from './store/secret';
import { checkBeforeOpen, checkDataDirIntact } from './store/start-checks';
import type { Store } from './store/store';

export interface Bot {
  server: Server;
  store: Store;
  dispatcher: Dispatcher;
  outbox: Outbox;
  scheduler: Scheduler;
  /** Dispatches and delivers the notifications, as a channel does. */
  handle(cmd: Parameters<Dispatcher['dispatch']>[0]): Promise<Outcome>;
  stop(): Promise<void>;
}

export interface BootOptions {
  now?: () => Date;
  /** Extra channels (tests add fakes); Teams, Slack and the playground are added from config. */
  channels?: ((deps: ChannelDeps) => Channel)[];
  /** Seed the demo trust on first start; defaults to local mode. */
  seedDemo?: boolean;
  scheduler?: boolean;
  /** Mount the playground in local mode (default). Off for tests of another channel's own delivery. */
  playground?: boolean;
  /** Extra workflows after the built-in ones (tests inject a deliberately slow one). */
  workflows?: Workflow[];
}

export async function startBot(config: Config, opts: BootOptions = {}): Promise<Bot> {
  const now = opts.now ?? (() => new Date());
  const newId = () => randomUUID();
  // An invalid TRUST_FILE stops the start before anything is opened or written.
  const trustFile = config.trustFile ? await readTrustFileAtStart(config.trustFile) : undefined;
  await checkBeforeOpen(config.dataDir, !config.databaseUrl);
  const store = await openStore(config);
  try {
    await checkDataDirIntact(store, config.dataDir);
  } catch (e) {
    await store.close();
    throw e;
  }
  const surveyKey = await loadOrCreateSecret(config.dataDir);
  let seeded = false;
  if (opts.seedDemo ?? config.localMode) {
    seeded = await seedDemoTrust(store, { now: now(), timeZone: config.timeZone, newId, local: config.localMode, trust: trustFile });
    if (!seeded && !store.read().trust) console.warn(`${config.dataDir} holds schools or people but no trust: the demo trust was not seeded over them.`);
  }
  if (trustFile) noteTrustFile(trustFile, store.read().trust, seeded);

  const calendar = config.graph ? graphCalendar(config.graph) : undefined;
  const ctx: Omit<Context, 'decisionEffects'> = { store, now, timeZone: config.timeZone, newId, surveyKey, calendar };
  const dispatcher = createDispatcher(ctx, [...WORKFLOWS, ...(opts.workflows ?? [])]);
  // On a server, other instances may die mid-send: look for their sends a few times per lease.
  const outbox = createOutbox(store, { now, newId, sweepMs: store.engine === 'postgres' ? config.outboxLeaseMs / 4 : 0 });
  let scheduler: Scheduler | undefined;
  let ready = false;

  const deps: ChannelDeps = { config, store, dispatcher, outbox, scheduler: () => scheduler, now };
  const factories = [...(await platformChannels(config, opts.playground ?? true)), ...(opts.channels ?? [])];
  const channels = factories.map((f) => f(deps));
  for (const c of channels) if (c.sender) outbox.addSender(c.sender);

  const server = await startServer({ host: config.host, port: config.port, routes: channels.flatMap((c) => c.routes), ready: () => ready });
  for (const c of channels) await c.start?.();
  await outbox.resume();

  const deliver = (o: Outcome) => outbox.deliver(o.notifications);
  scheduler =
    opts.scheduler === false
      ? { run: async (name) => deliver(await dispatcher.runJob(name)), stop: () => undefined }
      : await startScheduler({ store, timeZone: config.timeZone, now, runJob: dispatcher.runJob, deliver });
  ready = true;

  return {
    server,
    store,
    dispatcher,
    outbox,
    scheduler,
    async handle(cmd) {
      const o = await dispatcher.dispatch(cmd);
      await deliver(o);
      return o;
    },
    async stop() {
      ready = false;
      scheduler?.stop();
      for (const c of channels) await c.stop?.();
      await server.close();
      await outbox.stop();
      await outbox.idle();
      await store.close();
    },
  };
}

/** The channels the configuration enables. Each adapter is loaded only when used. */
async function platformChannels(config: Config, playground: boolean): Promise<((deps: ChannelDeps) => Channel)[]> {
  const list: ((deps: ChannelDeps) => Channel)[] = [];
  if (config.localMode && playground) list.push(createPlayground);
  // Without an app id Teams accepts unauthenticated activities (as the Emulator does): never in production.
  if (config.teams.appId || config.env !== 'production') list.push((await import('./channels/teams/channel')).createTeamsChannel);
  if (config.slack) list.push((await import('./channels/slack')).createSlackChannel);
  return list;
}
