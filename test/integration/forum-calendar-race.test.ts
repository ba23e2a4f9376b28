// Review: two invitations to one forum typed in quick succession make one calendar event, not two
// Teams meetings (the second must not read the forum before the first has stored its event id).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../helpers/bot';
import { startFakeGraph, type FakeGraph } from '../fakes/graph-server';

const CLIENT = { tenantId: 'tenant-1', clientId: 'client-1', clientSecret: 's3cret' };
let graph: FakeGraph;
let t: TestBot;

beforeAll(async () => {
  graph = await startFakeGraph(CLIENT);
  t = await startTestBot({
    env: { GRAPH_TENANT_ID: CLIENT.tenantId, GRAPH_CLIENT_ID: CLIENT.clientId, GRAPH_CLIENT_SECRET: CLIENT.clientSecret, GRAPH_BASE_URL: graph.url, GRAPH_AUTH_URL: graph.url, GRAPH_CA_FILE: graph.caFile },
  });
});
afterAll(async () => {
  await t.stop();
  await graph.close();
});

describe('forum calendar event', () => {
  it('is created once when two invitations for the same forum overlap', async () => {
    graph.delayMs = 300;
    await Promise.all([t.as('tom').say('forum invite send sendcos'), t.as('tom').say('forum invite send dsl')]);
    graph.delayMs = 0;
    expect(graph.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/events'))).toHaveLength(1);
    expect(graph.events.size).toBe(1);
    const forum = t.bot.store.read().forums.find((f) => f.kind === 'send')!;
    expect(forum.graphEventId).toBe([...graph.events.keys()][0]);
  });
});
