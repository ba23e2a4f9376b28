// A change and the message that reports it land together: the daily run's escalations are written
// with their notifications in one transaction, and a process that dies before queueing them
// leaves them in the document for the next start to send.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestBot } from '../helpers/bot';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('the document outbox', () => {
  it('sends after a restart the reminders a run committed but never queued, once', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'ibot-journal-'));
    dirs.push(dataDir);
    const first = await startTestBot({ dataDir, now: '2026-11-19T07:30:00Z' });
    // The job commits its escalations, and the process "dies" before the outcome is delivered.
    const o = await first.bot.dispatcher.runJob('daily');
    expect(o.notifications.length).toBeGreaterThan(0);
    const pending = first.bot.store.read().outbox;
    expect(pending.map((e) => e.id).sort()).toEqual(o.notifications.filter((n) => n.journalId).map((n) => n.journalId).sort());
    expect(first.bot.store.read().isapActions.some((a) => a.escalationLevel > 0)).toBe(true);
    const sentBefore = (await first.bot.store.deliveries()).length;
    expect(sentBefore).toBe(0);
    await first.stop();

    const second = await startTestBot({ dataDir, now: '2026-11-19T07:31:00Z' });
    await second.bot.outbox.idle();
    expect(second.bot.store.read().outbox).toEqual([]);
    const sent = (await second.bot.store.deliveries()).filter((d) => d.state === 'sent');
    expect(sent.length).toBeGreaterThanOrEqual(pending.length);
    // The escalation is not run again (the levels were committed): nothing is sent twice.
    await second.bot.scheduler.run('daily');
    await second.bot.outbox.idle();
    expect((await second.bot.store.deliveries()).filter((d) => d.state === 'sent')).toHaveLength(sent.length);
    await second.stop();
  });

  it('is empty again once a run is delivered the normal way', async () => {
    const t = await startTestBot({ now: '2026-11-19T07:30:00Z' });
    try {
      await t.bot.scheduler.run('daily');
      await t.bot.outbox.idle();
      expect(t.bot.store.read().outbox).toEqual([]);
      // A decision's effects (Oakfield's headteacher told of RED) are journalled and cleared the same way.
      const o = await t.as('amira').act('approval.decide', { approvalId: 'oakfield-red', decision: 'approve' });
      expect(o.notifications.some((n) => n.journalId && 'person' in n.to && n.to.person === 'david')).toBe(true);
      await t.bot.outbox.idle();
      expect(t.bot.store.read().outbox).toEqual([]);
    } finally {
      await t.stop();
    }
  });
});
