// Teams waits 5 seconds for a card action's answer. A deliberately slow action (a test-only workflow
// injected through boot options, no SDK mocked) must get a "working on it" card in time, and its
// result must then replace the clicked card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { reply } from '../../src/app/command';
import { defineAction, type Workflow } from '../../src/app/registry';
import { cardProblems } from '../../src/cards/validate';
import { startFakeConnector, type FakeConnector } from '../fakes/teams-connector';
import { startTestBot, type TestBot } from '../helpers/bot';
import { cardAction, cardOf, demoUser, postActivity, textOf } from '../helpers/teams-activities';

// 'approvals.list' is a key only a text command uses, so this action shadows nothing real.
const slow: Workflow = {
  name: 'slow-test',
  summary: 'test only',
  commands: [],
  actions: [
    defineAction({
      verb: 'approvals.list',
      schema: z.object({ ms: z.number() }),
      async run(_ctx, _req, input) {
        await new Promise((r) => setTimeout(r, input.ms));
        return reply('list', { title: 'Slow result ready', intro: '', empty: '', items: [] }, true);
      },
    }),
  ],
};

let t: TestBot;
let fake: FakeConnector;
beforeAll(async () => {
  fake = await startFakeConnector();
  t = await startTestBot({ boot: { workflows: [slow] } });
});
afterAll(async () => {
  await t.stop();
  await fake.close();
});

describe('slow card actions in Teams', () => {
  it('answers within 5 s with a working card, then replaces the clicked card with the result', async () => {
    const amira = demoUser(1, 'Amira Shah');
    const started = Date.now();
    const res = await postActivity(t.url, cardAction(amira, 'approvals.list', { ms: 6_000 }, { serviceUrl: fake.url, replyToId: 'msg-clicked' }));
    const took = Date.now() - started;
    expect(took).toBeLessThan(5_000);
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(textOf(res.body.value)).toContain('Working on it');
    expect(cardProblems(res.body.value)).toEqual([]);

    const update = await fake.waitFor(() => fake.updated().find((u) => u.activityId === 'msg-clicked'), 10_000);
    expect(textOf(cardOf(update.activity))).toContain('Slow result ready');
    expect(cardProblems(cardOf(update.activity))).toEqual([]);
  }, 20_000);

  it('answers a quick action directly, with no follow-up', async () => {
    const amira = demoUser(1, 'Amira Shah');
    const res = await postActivity(t.url, cardAction(amira, 'approvals.list', { ms: 10 }, { serviceUrl: fake.url, replyToId: 'msg-quick' }));
    expect(textOf(res.body.value)).toContain('Slow result ready');
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.updated().some((u) => u.activityId === 'msg-quick')).toBe(false);
  });
});
