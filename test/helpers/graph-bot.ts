// A test bot with Microsoft Graph configured against the fake Graph over HTTPS, and an inbox channel
// recording what people were sent: one of each per test file, started before its tests.
import { afterAll, beforeAll } from 'vitest';
import { startFakeGraph, type FakeGraph } from '../fakes/graph-server';
import { startTestBot, type TestBot } from './bot';
import { createInbox } from './isap-inbox';

export const GRAPH_CLIENT = { tenantId: 'tenant-1', clientId: 'client-1', clientSecret: 's3cret' };

export function useGraphBot() {
  const inbox = createInbox();
  const started = {} as { graph: FakeGraph; t: TestBot };
  beforeAll(async () => {
    started.graph = await startFakeGraph(GRAPH_CLIENT);
    const g = started.graph;
    started.t = await startTestBot({
      env: { GRAPH_TENANT_ID: GRAPH_CLIENT.tenantId, GRAPH_CLIENT_ID: GRAPH_CLIENT.clientId, GRAPH_CLIENT_SECRET: GRAPH_CLIENT.clientSecret, GRAPH_BASE_URL: g.url, GRAPH_AUTH_URL: g.url, GRAPH_CA_FILE: g.caFile },
      boot: { channels: [inbox.channel] },
    });
  });
  afterAll(async () => {
    await started.t?.stop();
    await started.graph?.close();
  });
  /** Read `started.graph` and `started.t` once beforeAll has run. */
  return { inbox, started };
}
