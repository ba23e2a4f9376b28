// Review: a Teams user is matched by roster email only inside the trust's own tenant. Another tenant's
// admin can set any mail address on their users; it must not make one of them the CEO.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeConnector, type FakeConnector } from '../fakes/teams-connector';
import { startTestBot, type TestBot } from '../helpers/bot';
import { cardOf, message, postActivity, textOf } from '../helpers/teams-activities';

let t: TestBot;
let fake: FakeConnector;
beforeAll(async () => {
  fake = await startFakeConnector();
  t = await startTestBot();
});
afterAll(async () => {
  await t.stop();
  await fake.close();
});

describe('Teams identity by roster email', () => {
  it("does not take another tenant's user for the CEO because their mail says so", async () => {
    const impostor = { id: '29:impostor', name: 'Amira Shah', aadObjectId: '11111111-1111-4111-8111-111111111111' };
    fake.roster.push({ id: impostor.id, name: 'Amira Shah', email: 'amira.shah@demo-trust.example' } as never);
    const before = fake.posted().length;
    await postActivity(t.url, message(impostor, 'approvals', { serviceUrl: fake.url, tenantId: 'other-tenant-0000' }));
    const sent = await fake.waitFor(() => fake.posted().slice(before)[0]);
    const text = textOf(cardOf(sent.activity));
    expect(text).not.toContain('decision');
    expect((await t.bot.store.audit()).some((e) => e.actorId === 'amira')).toBe(false);
  });
});
