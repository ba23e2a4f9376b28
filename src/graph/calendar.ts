// Forum calendar events with a Teams meeting, through Microsoft Graph: POST /users/{organiser}/events
// to create, PATCH to update (attendees change as more people are invited). Needs the application
// permission Calendars.ReadWrite.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client, MiddlewareFactory, RetryHandler } from '@microsoft/microsoft-graph-client';
import type { CalendarPort, ForumEvent, ForumEventInput } from '../domain/forums-calendar';
import { DEFAULT_RETRY, withRetries, type RetryPolicy } from './retry';
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

/** Tuning that is not configuration (tests shorten the waits). */
export interface GraphOptions {
  retry?: Partial<RetryPolicy>;
  /** How long one request may go unanswered. */
  timeoutMs?: number;
}

const GRAPH = 'https://graph.microsoft.com';

export function createGraphClient(config: GraphConfig, opts: GraphOptions = {}): Client {
  const ca = config.caFile ? readFileSync(config.caFile, 'utf8') : undefined;
  const auth = clientCredentialsProvider({ ...config, ca });
  // The SDK's own chain (auth, redirect, telemetry) with our transport as its last link. Its
  // RetryHandler goes: it would retry a create that has no transactionId; retry.ts decides instead.
  const chain = MiddlewareFactory.getDefaultMiddlewareChain(auth).filter((m) => !(m instanceof RetryHandler));
  chain[chain.length - 1] = new NodeHttpsHandler(ca, opts.timeoutMs);
  const baseUrl = (config.baseUrl ?? GRAPH).replace(/\/+$/, '') + '/';
  // The SDK attaches the token only over HTTPS to Graph hosts or these: a non-Graph base must be named.
  const host = new URL(baseUrl).hostname;
  return Client.initWithMiddleware({ middleware: chain, baseUrl, defaultVersion: 'v1.0', customHosts: new Set([host]) });
}

type GraphEvent = { id?: string; onlineMeeting?: { joinUrl?: string } | null; attendees?: { emailAddress?: { address?: string } }[] };

export function graphCalendar(config: GraphConfig, opts: GraphOptions = {}): CalendarPort {
  const client = createGraphClient(config, opts);
  const policy = { ...DEFAULT_RETRY, ...opts.retry };
  return {
    async upsertForumEvent(input: ForumEventInput): Promise<ForumEvent> {
      const path = `/users/${encodeURIComponent(input.organiserEmail)}/events`;
      const body = eventBody(input);
      const update = (id: string) => withRetries('update event', policy, () => client.api(`${path}/${encodeURIComponent(id)}`).patch(body) as Promise<GraphEvent>);
      let ev: GraphEvent;
      if (input.eventId) {
        ev = await update(input.eventId);
      } else {
        // Graph creates one event per transactionId: a retry after a lost answer gets the first one back.
        const transactionId = transactionIdOf(input.idempotencyKey);
        ev = await withRetries('create event', policy, () => client.api(path).post({ ...body, transactionId }) as Promise<GraphEvent>);
        // An event found that way has the attendees of the try that made it: bring them up to date.
        if (ev?.id && !sameAttendees(ev, input)) ev = await update(ev.id);
      }
      if (!ev?.id) throw new Error('Graph answered without an event id');
      return { eventId: ev.id, onlineMeetingUrl: ev.onlineMeeting?.joinUrl ?? undefined };
    },
  };
}

/** A GUID from the key (Graph's examples use GUIDs); without a key, unique to this call's retries. */
function transactionIdOf(key: string | undefined): string {
  if (!key) return randomUUID();
  const h = createHash('sha256').update(`improvement-bot:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function sameAttendees(ev: GraphEvent, input: ForumEventInput): boolean {
  if (!Array.isArray(ev.attendees)) return true;
  const norm = (xs: (string | undefined)[]) => xs.map((x) => (x ?? '').toLowerCase()).sort().join('\n');
  return norm(ev.attendees.map((a) => a.emailAddress?.address)) === norm(input.attendees.map((a) => a.email));
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
