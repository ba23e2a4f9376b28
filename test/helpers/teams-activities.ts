// Bot Framework activities as Teams sends them, for posting to /api/messages in tests.
import { DEMO_TENANT_ID } from '../../src/seed/demo-people';
import { teamsActivityProblems } from '../fakes/platform-limits';

export const BOT = { id: '28:improvement-bot', name: 'Improvement Bot' };

export interface TeamsUser {
  /** The user's Teams id (MRI), e.g. 29:1abc. */
  id: string;
  name: string;
  aadObjectId?: string;
}

/** A demo person as Teams knows them: aadObjectId …000N, MRI 29:user-N. */
export function demoUser(n: number, name: string): TeamsUser {
  return { id: `29:user-${n}`, name, aadObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` };
}

export interface ActivityOptions {
  serviceUrl: string;
  tenantId?: string;
  conversationId?: string;
  conversationType?: 'personal' | 'channel' | 'groupChat';
  id?: string;
}

let seq = 0;

function base(from: TeamsUser, o: ActivityOptions) {
  const tenantId = o.tenantId ?? DEMO_TENANT_ID;
  const conversationType = o.conversationType ?? 'personal';
  return {
    id: o.id ?? `act-${++seq}-${Date.now()}`,
    channelId: 'msteams',
    serviceUrl: o.serviceUrl,
    timestamp: new Date().toISOString(),
    from,
    recipient: BOT,
    conversation: { id: o.conversationId ?? `a:personal-${from.id}`, conversationType, tenantId, ...(conversationType !== 'personal' ? { isGroup: true } : {}) },
    channelData: { tenant: { id: tenantId } },
    locale: 'en-GB',
  };
}

export function message(from: TeamsUser, text: string, o: ActivityOptions & { mention?: boolean }) {
  const mentionText = `<at>${BOT.name}</at>`;
  return {
    ...base(from, o),
    type: 'message',
    text: o.mention ? `${mentionText} ${text}` : text,
    ...(o.mention ? { entities: [{ type: 'mention', text: mentionText, mentioned: BOT }] } : {}),
  };
}

export function cardAction(from: TeamsUser, verb: string, data: Record<string, unknown>, o: ActivityOptions & { replyToId?: string; trigger?: 'manual' | 'automatic' }) {
  return {
    ...base(from, o),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: o.replyToId ?? 'card-1',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: o.trigger ?? 'manual' },
  };
}

export function installed(from: TeamsUser, o: ActivityOptions) {
  return { ...base(from, o), type: 'installationUpdate', action: 'add' };
}

export function uninstalled(from: TeamsUser, o: ActivityOptions) {
  return { ...base(from, o), type: 'installationUpdate', action: 'remove' };
}

export function botAdded(from: TeamsUser, o: ActivityOptions) {
  return { ...base(from, o), type: 'conversationUpdate', membersAdded: [BOT] };
}

/**
 * Posts an activity as Teams does. An invoke's answer (an Action.Execute card) comes back in this
 * HTTP response, not through the connector, so it is checked here against what Teams would show:
 * a card Teams would refuse fails the test.
 */
export async function postActivity(botUrl: string, activity: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });
  const text = await res.text();
  const body = text ? JSON.parse(text) : undefined;
  const problems = invokeResponseProblems(activity, body);
  if (problems.length) throw new Error(`Teams would refuse the invoke's answer: ${problems.join('; ')}`);
  return { status: res.status, body };
}

/** Why Teams would not show an invoke response's card: it is checked as the message it becomes. */
export function invokeResponseProblems(activity: unknown, body: any): string[] {
  if ((activity as { type?: string } | undefined)?.type !== 'invoke') return [];
  if (body?.type !== 'application/vnd.microsoft.card.adaptive') return [];
  const a = activity as Record<string, unknown>;
  const asMessage = {
    type: 'message',
    id: a.replyToId,
    from: a.recipient,
    recipient: a.from,
    conversation: a.conversation,
    channelId: a.channelId,
    serviceUrl: a.serviceUrl,
    attachments: [{ contentType: body.type, content: body.value }],
  };
  return teamsActivityProblems(asMessage);
}

/** Every text a person reads on an Adaptive Card. */
export function textOf(card: unknown): string {
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    for (const k of ['text', 'title', 'value', 'label']) if (typeof o[k] === 'string') out.push(o[k] as string);
    Object.entries(o).forEach(([k, v]) => k !== 'refresh' && walk(v));
  };
  walk(card);
  return out.join('\n');
}

/** The Adaptive Card of a sent activity. */
export function cardOf(activity: any): any {
  return activity?.attachments?.[0]?.content;
}
