// The playground's JSON API. Everything a person does here becomes the same neutral Command a Teams
// or Slack message would, dispatched by the one dispatcher; notifications go through the outbox.
// Input is checked with zod first: a bad request gets a 400 saying what is wrong and changes nothing.
import type http from 'node:http';
import { z } from 'zod';
import type { Command, Outcome } from '../../app/command';
import { renderCard } from '../../cards/render';
import type { Person } from '../../domain';
import { readBody, sendJson } from '../../server';
import type { Conversation } from '../../store/schema';
import type { ChannelDeps } from '../channel';
import type { Inbox } from './inbox';

export class BadRequest extends Error {
  readonly status = 400;
}

const Id = z.string().trim().min(1).max(200);

const Where = z.object({
  as: Id,
  conversation: Id,
});

export const SayBody = Where.extend({
  text: z.string().trim().min(1, 'type a command, such as help').max(2000),
  /** A client-made id per send, so a resent request is handled once. */
  id: Id.optional(),
});

export const ActBody = Where.extend({
  /** The playground message the card is on, so a `replace` reply updates it in place. */
  messageId: Id,
  verb: z.string().trim().min(1).max(100),
  data: z.record(z.string(), z.unknown()).default({}),
  id: Id.optional(),
});

const MessagesQuery = Where;

function check<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new BadRequest(`${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  return r.data;
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const text = (await readBody(req)).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequest('the body is not valid JSON');
  }
}

export function createApi(deps: ChannelDeps, inbox: Inbox) {
  const { store, dispatcher, outbox } = deps;

  /** The person and the conversation, both checked: a person may use their own chat and any channel. */
  function resolve(w: z.infer<typeof Where>): { person: Person; conv: Conversation } {
    const data = store.read();
    const person = data.people.find((p) => p.id === w.as);
    if (!person) throw new BadRequest(`as: no one with the id "${w.as}" in the trust`);
    const conv = data.conversations.find((c) => c.key === w.conversation && c.platform === 'local');
    if (!conv) throw new BadRequest(`conversation: no playground conversation "${w.conversation}"`);
    if (conv.kind === 'personal' && conv.personId !== person.id) {
      throw new BadRequest(`conversation: "${w.conversation}" is someone else's personal chat`);
    }
    return { person, conv };
  }

  function command(person: Person, conv: Conversation, name: string, args: string[], data?: Record<string, unknown>, id?: string): Command {
    return {
      actor: { platform: 'local', userId: person.id, name: person.name },
      name,
      args,
      data,
      where: { platform: 'local', conversationKey: conv.key, kind: conv.kind },
      dedupeKey: id ? `local:${id}` : undefined,
    };
  }

  /** Shows the replies where the person is, and hands the notifications to the outbox. */
  async function show(o: Outcome, conv: Conversation, fromMessageId?: string): Promise<void> {
    for (const r of o.replies) {
      const card = renderCard(r);
      const replaced = r.replace && fromMessageId ? inbox.replace(conv.key, fromMessageId, card) : false;
      if (!replaced) inbox.add(conv.key, { from: { kind: 'bot' }, card });
    }
    await outbox.deliver(o.notifications);
  }

  return {
    state() {
      const data = store.read();
      const local = data.conversations.filter((c) => c.platform === 'local' && !c.blocked);
      const personal = new Map(local.filter((c) => c.kind === 'personal').map((c) => [c.personId, c.key]));
      return {
        trust: data.trust?.name ?? 'Improvement Bot',
        people: data.people
          .filter((p) => personal.has(p.id))
          .map((p) => {
            const key = personal.get(p.id)!;
            return { id: p.id, name: p.name, jobTitle: p.jobTitle ?? '', conversation: key, unread: inbox.unread(key) };
          }),
        channels: local
          .filter((c) => c.kind !== 'personal')
          .map((c) => ({ key: c.key, name: c.name ?? c.key, unread: inbox.unread(c.key) })),
      };
    },

    messages(url: URL) {
      const q = check(MessagesQuery, Object.fromEntries(url.searchParams));
      const { conv } = resolve(q);
      inbox.markRead(conv.key);
      return { conversation: conv.key, messages: inbox.messages(conv.key) };
    },

    async say(req: http.IncomingMessage) {
      const body = check(SayBody, await readJson(req));
      const { person, conv } = resolve(body);
      const [name = '', ...args] = body.text.split(/\s+/);
      const o = await dispatcher.dispatch(command(person, conv, name, args, undefined, body.id));
      if (o.duplicate) return { ok: true, duplicate: true };
      // A safeguarding disclosure is redirected, never kept: not even in this page's memory.
      const text = o.replies.some((r) => r.card === 'safeguarding') ? '(message not kept: see the guidance below)' : body.text;
      inbox.add(conv.key, { from: { kind: 'person', id: person.id, name: person.name }, text });
      await show(o, conv);
      return { ok: true };
    },

    async act(req: http.IncomingMessage) {
      const body = check(ActBody, await readJson(req));
      const { person, conv } = resolve(body);
      if (!inbox.has(conv.key, body.messageId)) throw new BadRequest('messageId: that card is not in this conversation (it may be from before a restart); type the command again');
      const o = await dispatcher.dispatch(command(person, conv, body.verb, [], body.data, body.id));
      if (o.duplicate) return { ok: true, duplicate: true };
      await show(o, conv, body.messageId);
      return { ok: true };
    },

    /** "Send the digest now": the weekly digest to its subscribers, whatever the day. */
    async digest() {
      const scheduler = deps.scheduler();
      if (!scheduler) throw Object.assign(new Error('the scheduler is still starting'), { status: 503 });
      let delivered = 0;
      const stop = inbox.subscribe(() => delivered++);
      try {
        await scheduler.run('weekly-digest-now');
        await outbox.idle();
      } finally {
        stop();
      }
      return { ok: true, delivered };
    },
  };
}

export async function respond(res: http.ServerResponse, fn: () => unknown): Promise<void> {
  try {
    sendJson(res, 200, await fn());
  } catch (e) {
    if (e instanceof BadRequest) return sendJson(res, 400, { error: e.message });
    throw e;
  }
}
