// Teams end to end: real activities posted to /api/messages, the real bot and store, and a fake Bot
// Connector on 127.0.0.1 that receives every reply, update and proactive message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardProblems } from '../../src/cards/validate';
import { startFakeConnector, type FakeConnector } from '../fakes/teams-connector';
import { startTestBot, type TestBot } from '../helpers/bot';
import { cardAction, cardOf, demoUser, installed, message, postActivity, textOf } from '../helpers/teams-activities';

const amira = demoUser(1, 'Amira Shah');
const tom = demoUser(2, 'Tom Okafor');
const rachel = demoUser(3, 'Rachel Green');
const mark = { id: '29:user-mark', name: 'Mark Ellis' }; // no aadObjectId on the activity: found by roster email

let t: TestBot;
let fake: FakeConnector;
let o: { serviceUrl: string };

beforeAll(async () => {
  fake = await startFakeConnector();
  o = { serviceUrl: fake.url };
  t = await startTestBot();
});
afterAll(async () => {
  await t.stop();
  await fake.close();
});

/** Every card the adapter sent so far passes the official adaptivecards checks. */
function expectValidCards() {
  for (const p of [...fake.posted(), ...fake.updated()]) {
    const card = cardOf(p.activity);
    if (card) expect(cardProblems(card), textOf(card)).toEqual([]);
  }
}

describe('Teams channel', () => {
  it('answers a command typed with an @mention with its card, in the same conversation', async () => {
    const before = fake.posted().length;
    const res = await postActivity(t.url, message(rachel, 'help', { ...o, mention: true, conversationType: 'channel', conversationId: '19:beacon@thread.tacv2' }));
    expect(res.status).toBe(200);
    const sent = await fake.waitFor(() => fake.posted().slice(before).find((p) => p.conversationId === '19:beacon@thread.tacv2'));
    expect(textOf(cardOf(sent.activity))).toContain('Rachel Green');
    expectValidCards();
  });
});
