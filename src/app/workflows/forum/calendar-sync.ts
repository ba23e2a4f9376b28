// Keeps a forum's calendar event (with its Teams meeting) in step with the invitations, when a
// calendar is configured. Failure never stops the invitations: it is reported to the inviter.
import type { Forum } from '../../../domain';
import type { Data } from '../../../store/schema';
import type { Context } from '../../command';
import { when } from './views';

/** One sync at a time per forum (per store): a second invitation must see the first one's event id. */
const running = new WeakMap<object, Map<string, Promise<unknown>>>();

export function syncCalendar(ctx: Context, forumId: string): Promise<string> {
  if (!ctx.calendar) return Promise.resolve('');
  // Two invitations typed close together would otherwise both create an event, each with its own Teams meeting.
  const lanes = running.get(ctx.store) ?? new Map<string, Promise<unknown>>();
  running.set(ctx.store, lanes);
  const next = (lanes.get(forumId) ?? Promise.resolve()).then(() => syncNow(ctx, forumId));
  const settled = next.catch(() => undefined);
  lanes.set(forumId, settled);
  void settled.then(() => {
    if (lanes.get(forumId) === settled) lanes.delete(forumId);
  });
  return next;
}

async function syncNow(ctx: Context, forumId: string): Promise<string> {
  if (!ctx.calendar) return '';
  const data = ctx.store.read();
  const forum = data.forums.find((f) => f.id === forumId);
  const organiser = data.people.find((p) => p.id === forum?.createdById);
  if (!forum || !organiser) return '';
  try {
    const ev = await ctx.calendar.upsertForumEvent({
      organiserEmail: organiser.email,
      subject: forum.title,
      startsAt: forum.startsAt,
      endsAt: forum.endsAt,
      location: forum.location,
      body: `${forum.title}, ${when(forum, ctx.timeZone)}. Answer the invitation in Improvement Bot.`,
      attendees: attendees(data, forum),
      eventId: forum.graphEventId,
      // A create whose answer was lost (and retried later) then finds its event instead of making another.
      idempotencyKey: `forum:${forum.id}`,
    });
    await ctx.store.transact((d) => {
      const f = d.forums.find((x) => x.id === forumId);
      if (!f) return;
      f.graphEventId = ev.eventId;
      if (ev.onlineMeetingUrl) f.onlineMeetingUrl = ev.onlineMeetingUrl;
    });
    return forum.graphEventId ? 'The calendar event was updated.' : 'A calendar event with a Teams meeting was created.';
  } catch (e) {
    console.error(`[forum] calendar event for ${forumId} failed:`, (e as Error).message);
    return 'The calendar event could not be created or updated; the invitations went out in chat. Try forum invite again later to retry.';
  }
}

function attendees(data: Readonly<Data>, forum: Forum) {
  return forum.invites.flatMap((i) => {
    const p = data.people.find((x) => x.id === i.personId);
    return p ? [{ name: p.name, email: p.email }] : [];
  });
}
