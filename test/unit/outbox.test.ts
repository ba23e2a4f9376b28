// The outbox against a recording sender (a channel-shaped fake, not an SDK mock) and the real store.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutbox } from '../../src/delivery/outbox';
import { DeliveryError, type Sender } from '../../src/delivery/sender';
import { openStoreAt } from '../helpers/sql-store';
import type { Store } from '../../src/store/store';

let dir: string;
let store: Store;
let n = 0;
const newId = () => `id-${++n}`;
const now = () => new Date('2026-11-18T10:00:00Z');
const view = { card: 'error', data: { code: 'X', message: 'Hello', hint: '' } };

function recordingSender(behaviour: (call: number) => Error | undefined = () => undefined, minGapMs = 0) {
  const calls: { at: number; conv: string; kind: 'post' | 'update'; messageId?: string }[] = [];
  const sender: Sender = {
    platform: 'local',
    minGapMs,
    async post(conv) {
      calls.push({ at: Date.now(), conv: conv.key, kind: 'post' });
      const err = behaviour(calls.length);
      if (err) throw err;
      return { messageId: `m${calls.length}` };
    },
    async update(conv, messageId) {
      calls.push({ at: Date.now(), conv: conv.key, kind: 'update', messageId });
    },
  };
  return { sender, calls };
}

async function addConversations(...keys: string[]) {
  await store.transact((d) => {
    for (const key of keys) d.conversations.push({ key, platform: 'local', kind: 'personal', personId: key.split(':').pop(), ref: null, blocked: false, updatedAt: now().toISOString() });
  });
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'outbox-'));
  store = await openStoreAt(dir);
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('outbox', () => {
  it('delivers to a person, keeps the gap per conversation, and records each delivery', async () => {
    await addConversations('local:person:a');
    const { sender, calls } = recordingSender(undefined, 50);
    const outbox = createOutbox(store, { now, newId });
    outbox.addSender(sender);
    await outbox.deliver([1, 2, 3].map(() => ({ ...view, to: { person: 'a' } })));
    await outbox.idle();
    expect(calls).toHaveLength(3);
    expect(calls[2]!.at - calls[0]!.at).toBeGreaterThanOrEqual(95);
    const states = (await store.deliveries()).map((d) => d.state);
    expect(states.filter((s) => s === 'queued')).toHaveLength(3);
    expect(states.filter((s) => s === 'sent')).toHaveLength(3);
  });

  it('waits for Retry-After on a 429 and then delivers once', async () => {
    await addConversations('local:person:a');
    const slept: number[] = [];
    const { sender, calls } = recordingSender((i) => (i === 1 ? new DeliveryError('rate-limited', '429', 2000) : undefined));
    const outbox = createOutbox(store, { now, newId, sleep: async (ms) => void slept.push(ms) });
    outbox.addSender(sender);
    await outbox.deliver([{ ...view, to: { person: 'a' } }]);
    await outbox.idle();
    expect(slept).toContain(2000);
    expect(calls.filter((c) => c.kind === 'post')).toHaveLength(2);
    expect((await store.deliveries()).at(-1)).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('marks a conversation blocked on 403 and does not try it again', async () => {
    await addConversations('local:person:a');
    const { sender, calls } = recordingSender(() => new DeliveryError('blocked', '403'));
    const outbox = createOutbox(store, { now, newId });
    outbox.addSender(sender);
    await outbox.deliver([{ ...view, to: { person: 'a' } }]);
    await outbox.idle();
    expect(store.read().conversations[0]!.blocked).toBe(true);
    await outbox.deliver([{ ...view, to: { person: 'a' } }]);
    await outbox.idle();
    expect(calls).toHaveLength(1);
    expect((await store.deliveries()).filter((d) => d.state === 'blocked')).toHaveLength(1);
  });

  it('gives up after the last attempt on repeated failures', async () => {
    await addConversations('local:person:a');
    const { sender, calls } = recordingSender(() => new Error('boom'));
    const outbox = createOutbox(store, { now, newId, maxAttempts: 3, sleep: async () => undefined });
    outbox.addSender(sender);
    await outbox.deliver([{ ...view, to: { person: 'a' } }]);
    await outbox.idle();
    expect(calls).toHaveLength(3);
    expect((await store.deliveries()).at(-1)).toMatchObject({ state: 'failed', attempts: 3, error: 'boom' });
  });

  it('updates every posted copy of a subject in place', async () => {
    await addConversations('local:person:a', 'local:person:b');
    const { sender, calls } = recordingSender();
    const outbox = createOutbox(store, { now, newId });
    outbox.addSender(sender);
    await outbox.deliver([{ ...view, to: { person: 'a' }, subject: 'approval:1' }, { ...view, to: { person: 'b' }, subject: 'approval:1' }]);
    await outbox.idle();
    await outbox.deliver([{ ...view, to: { person: 'a' }, subject: 'approval:1', update: true }]);
    await outbox.idle();
    expect(calls.filter((c) => c.kind === 'update').map((c) => c.conv).sort()).toEqual(['local:person:a', 'local:person:b']);
  });

  it('sends to the conversations subscribed to a digest', async () => {
    await addConversations('local:channel:slt', 'local:channel:other');
    await store.transact((d) => void d.subscriptions.push({ conversationKey: 'local:channel:slt', digest: 'weekly-slt', byId: 'tom', at: now().toISOString() }));
    const { sender, calls } = recordingSender();
    const outbox = createOutbox(store, { now, newId });
    outbox.addSender(sender);
    await outbox.deliver([{ ...view, to: { digest: 'weekly-slt' } }]);
    await outbox.idle();
    expect(calls.map((c) => c.conv)).toEqual(['local:channel:slt']);
  });

  it('finishes after a restart what was queued but not sent', async () => {
    await addConversations('local:person:a');
    // A first process queues a delivery and stops before sending it (no sender for the platform yet).
    await store.append('deliveries', { id: 'd1', at: now().toISOString(), state: 'queued', attempts: 0, notification: { id: 'd1', conversationKey: 'local:person:a', view } });
    await store.close();
    store = await openStoreAt(dir);
    const { sender, calls } = recordingSender();
    const outbox = createOutbox(store, { now, newId });
    outbox.addSender(sender);
    await outbox.resume();
    await outbox.idle();
    expect(calls).toHaveLength(1);
    expect((await store.deliveries()).at(-1)).toMatchObject({ id: 'd1', state: 'sent' });
  });
});
