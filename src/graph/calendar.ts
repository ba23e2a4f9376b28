// Forum calendar events with a Teams meeting, through Microsoft Graph: POST /users/{organiser}/events
// to create, PATCH to update (attendees change as more people are invited). Needs the application
// permission Calendars.ReadWrite.
import { readFileSync } from 'node:fs';
import { Client, MiddlewareFactory } from '@microsoft/microsoft-graph-client';
import type { CalendarPort, ForumEventInput } from '../domain/forums-calendar';
import { clientCredentialsProvider } from './token';
import { NodeHttpsHandler } from './transport';

export interface GraphConfig {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  baseUrl?: string;
  authUrl?: string;
  caFile?: string;
}

const GRAPH = 'https://graph.microsoft.com';

export function createGraphClient(config: GraphConfig): Client {
  const ca = config.caFile ? readFileSync(config.caFile, 'utf8') : undefined;
  const auth = clientCredentialsProvider({ ...config, ca });
  // The SDK's own chain (auth, retry, redirect, telemetry) with our transport as its last link.
  const chain = MiddlewareFactory.getDefaultMiddlewareChain(auth);
  chain[chain.length - 1] = new NodeHttpsHandler(ca);
  const baseUrl = (config.baseUrl ?? GRAPH).replace(/\/+$/, '') + '/';
  // The SDK attaches the token only over HTTPS to Graph hosts or these: a non-Graph base must be named.
  const host = new URL(baseUrl).hostname;
  return Client.initWithMiddleware({ middleware: chain, baseUrl, defaultVersion: 'v1.0', customHosts: new Set([host]) });
}

export function graphCalendar(config: GraphConfig): CalendarPort {
  const client = createGraphClient(config);
  return {
    async upsertForumEvent(input: ForumEventInput) {
      const path = `/users/${encodeURIComponent(input.organiserEmail)}/events`;
      const body = eventBody(input);
      const ev = (input.eventId ? await client.api(`${path}/${encodeURIComponent(input.eventId)}`).patch(body) : await client.api(path).post(body)) as {
        id?: string;
        onlineMeeting?: { joinUrl?: string } | null;
      };
      if (!ev?.id) throw new Error('Graph answered without an event id');
      return { eventId: ev.id, onlineMeetingUrl: ev.onlineMeeting?.joinUrl ?? undefined };
    },
  };
}

function eventBody(input: ForumEventInput) {
  // Graph takes a wall-clock time and a zone; UTC keeps the instant exact across BST changes.
  const utc = (iso: string) => ({ dateTime: new Date(iso).toISOString().slice(0, 19), timeZone: 'UTC' });
  return {
    subject: input.subject,
    body: { contentType: 'text', content: input.body },
    start: utc(input.startsAt),
    end: utc(input.endsAt),
    ...(input.location ? { location: { displayName: input.location } } : {}),
    attendees: input.attendees.map((a) => ({ emailAddress: { address: a.email, name: a.name }, type: 'required' })),
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    allowNewTimeProposals: false,
  };
}
