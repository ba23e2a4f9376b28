// The outbox: every notification is written to the deliveries log before it is sent, sent at most
// as fast as each conversation allows, retried after a 429's Retry-After, and given up on for people
// who blocked the bot. Sends still queued when the process stopped are finished at the next start.
// Several instances on one database: each send is claimed by the instance that queued it and renewed
// before each attempt; a sweep takes over the sends of an instance that died (its lease ran out).
import type { Notification, View } from '../app/command';
import { renderCard } from '../cards/render';
import type { Conversation, Data } from '../store/schema';
import type { Store } from '../store/store';
import { DeliveryError, type Sender } from './sender';

interface Job {
  id: string;
  conversationKey: string;
  view: View;
  subject?: string;
  /** Set for an update of an already-posted card. */
  messageId?: string;
  /** The document outbox entry it came from, if it was journalled (see app/journal.ts). */
  journalId?: string;
}

/** A send this instance took over from one that stopped: it may already have reached the platform. */
type Claimed = Job & { takenOver?: boolean };

export interface Outbox {
  deliver(notifications: Notification[]): Promise<void>;
  /** Resolves when nothing is queued or sending. */
  idle(): Promise<void>;
  resume(): Promise<void>;
  addSender(sender: Sender): void;
  /** Stops the sweep (the bot is stopping), once a sweep under way has finished. */
  stop(): Promise<void>;
}

export interface OutboxOptions {
  now: () => Date;
  newId: () => string;
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
  /** How often to look for sends and journalled notifications another instance left (0: only at start). */
  sweepMs?: number;
}

export function createOutbox(store: Store, opts: OutboxOptions): Outbox {
  const senders = new Map<string, Sender>();
  const lanes = new Map<string, Promise<void>>();
  const lastSent = new Map<string, number>();
  const maxAttempts = opts.maxAttempts ?? 5;
  const sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  let active = 0;
  let waiters: (() => void)[] = [];

  const record = (id: string, state: 'queued' | 'sent' | 'failed' | 'blocked', extra: { notification?: unknown; attempts?: number; error?: string } = {}) =>
    store.append('deliveries', { id, at: opts.now().toISOString(), state, attempts: extra.attempts ?? 0, ...extra });

  async function resolve(n: Notification): Promise<Job[]> {
    const data = store.read();
    const view: View = { card: n.card, data: n.data };
    const journalId = n.journalId;
    if (n.update && n.subject) {
      return data.postedCards
        .filter((p) => p.subject === n.subject)
        .map((p) => ({ id: opts.newId(), conversationKey: p.conversationKey, view, subject: n.subject, messageId: p.messageId, journalId }));
    }
    const convs = await conversationsFor(n, data);
    return convs.map((c) => ({ id: opts.newId(), conversationKey: c.key, view, subject: n.subject, journalId }));
  }

  async function conversationsFor(n: Notification, data: Readonly<Data>): Promise<Conversation[]> {
    const live = (c: Conversation) => !c.blocked && senders.has(c.platform);
    if ('conversation' in n.to) {
      const key = n.to.conversation;
      return data.conversations.filter((c) => c.key === key && live(c));
    }
    if ('digest' in n.to) {
      const digest = n.to.digest;
      const keys = new Set(data.subscriptions.filter((s) => s.digest === digest).map((s) => s.conversationKey));
      return data.conversations.filter((c) => keys.has(c.key) && live(c));
    }
    const personId = n.to.person;
    const found = data.conversations.filter((c) => c.kind === 'personal' && c.personId === personId && live(c));
    if (found.length) return found;
    const person = data.people.find((p) => p.id === personId);
    if (!person) return [];
    for (const s of senders.values()) {
      const c = await s.reach?.(person).catch(() => undefined);
      if (c) return [c];
    }
    return [];
  }

  function enqueue(job: Claimed): void {
    active++;
    const lane = lanes.get(job.conversationKey) ?? Promise.resolve();
    const next = lane.then(() => send(job)).finally(() => {
      if (--active === 0) {
        waiters.forEach((w) => w());
        waiters = [];
      }
    });
    lanes.set(job.conversationKey, next.catch(() => undefined));
  }

  async function send(job: Claimed): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      // Another instance took it over (this one stalled past its lease) or finished it: not ours to send.
      if (!(await store.holdDelivery(job.id))) return;
      const conv = store.read().conversations.find((c) => c.key === job.conversationKey);
      const sender = conv && senders.get(conv.platform);
      if (!conv || !sender || conv.blocked) {
        await record(job.id, 'failed', { attempts: attempt - 1, error: conv?.blocked ? 'conversation blocked' : 'no such conversation' });
        return;
      }
      if (attempt === 1 && job.takenOver && !job.messageId && sender.wasPosted) {
        // The instance that died may have posted it just before: found there, it is recorded, not sent again.
        const posted = await sender.wasPosted(conv, job.id).catch(() => undefined);
        if (posted) {
          if (job.subject) await rememberPosted(job.subject, conv, posted.messageId);
          await record(job.id, 'sent', { attempts: 0 });
          return;
        }
      }
      const wait = (lastSent.get(conv.key) ?? 0) + sender.minGapMs - Date.now();
      if (wait > 0) await sleep(wait);
      try {
        const card = renderCard(job.view);
        lastSent.set(conv.key, Date.now());
        if (job.messageId) {
          await sender.update(conv, job.messageId, job.view, card);
        } else {
          const { messageId } = await sender.post(conv, job.view, card, job.id);
          if (job.subject) await rememberPosted(job.subject, conv, messageId);
        }
        await record(job.id, 'sent', { attempts: attempt });
        return;
      } catch (e) {
        const err = e instanceof DeliveryError ? e : new DeliveryError('failed', (e as Error).message);
        if (err.kind === 'blocked') {
          await store.transact((d) => {
            const c = d.conversations.find((x) => x.key === conv.key);
            if (c) c.blocked = true;
          });
          await record(job.id, 'blocked', { attempts: attempt, error: err.message });
          return;
        }
        if (err.kind === 'refused' || attempt >= maxAttempts) {
          // Never silent: the log names the view (its card template) and the platform's reason.
          console.warn(`[outbox] gave up on view "${job.view.card}" for ${conv.key} after ${attempt} attempt${attempt === 1 ? '' : 's'}: ${err.message}`);
          await record(job.id, 'failed', { attempts: attempt, error: err.message });
          return;
        }
        await sleep(err.kind === 'rate-limited' ? Math.max(err.retryAfterMs, 1000) : 1000 * 2 ** (attempt - 1));
      }
    }
  }

  async function rememberPosted(subject: string, conv: Conversation, messageId: string) {
    await store.transact((d) => {
      d.postedCards.push({ subject, conversationKey: conv.key, platform: conv.platform, messageId });
    });
  }

  async function deliver(notifications: Notification[]): Promise<void> {
    if (!notifications.length) return;
    const resolved = await Promise.all(notifications.map(async (n) => ({ n, jobs: await resolve(n) })));
    if (!resolved.some((r) => r.jobs.length || r.n.journalId)) return;
    // One transaction hands journalled notifications over to the deliveries log: an entry another
    // instance has already taken is gone from the journal, and is not queued twice.
    const at = opts.now().toISOString();
    const queued = await store.transact((d, logs) => {
      const taken: Job[] = [];
      for (const { n, jobs } of resolved) {
        if (n.journalId) {
          const i = d.outbox.findIndex((e) => e.id === n.journalId);
          if (i < 0) continue;
          d.outbox.splice(i, 1);
        }
        for (const job of jobs) {
          logs.append('deliveries', { id: job.id, at, state: 'queued', attempts: 0, notification: job });
          taken.push(job);
        }
      }
      return taken;
    });
    queued.forEach(enqueue);
  }

  async function clearJournal(ids: string[]): Promise<void> {
    if (!ids.length) return;
    const done = new Set(ids);
    await store.transact((d) => {
      d.outbox = d.outbox.filter((e) => !done.has(e.id));
    });
  }

  /** Finishes what a stopped or dead instance left: its claimed sends, and journalled notifications never queued. */
  async function resume(): Promise<void> {
    for (const d of await store.claimAbandonedDeliveries()) enqueue({ ...(d.notification as Job), takenOver: true });
    const left = store.read().outbox;
    if (!left.length) return;
    // Journalled notifications queued by a release before the hand-off was one transaction.
    const queued = await store.queuedJournalIds(left.map((e) => e.id));
    await deliver(left.filter((e) => !queued.has(e.id)).map((e) => ({ ...(e.notification as unknown as Notification), journalId: e.id })));
    await clearJournal(left.filter((e) => queued.has(e.id)).map((e) => e.id));
  }

  let sweeping: NodeJS.Timeout | undefined;
  let sweep: Promise<void> = Promise.resolve();
  if (opts.sweepMs) {
    sweeping = setInterval(() => {
      sweep = sweep.then(() => store.refresh()).then(resume).catch((e) => console.warn(`[outbox] sweep failed: ${(e as Error).message}`));
    }, opts.sweepMs);
    sweeping.unref();
  }

  return {
    addSender(sender) {
      senders.set(sender.platform, sender);
    },
    deliver,
    idle() {
      return active === 0 ? Promise.resolve() : new Promise((r) => waiters.push(r));
    },
    resume,
    async stop() {
      if (sweeping) clearInterval(sweeping);
      await sweep;
    },
  };
}
