// Accept / Tentative / Decline on an invitation card. Only invitees may answer, before the forum starts.
import { z } from 'zod';
import { RSVPS } from '../../../domain';
import { isUpcoming } from '../../../domain/forums-rules';
import { outcome, type Notification } from '../../command';
import { AppError, notAllowed, notFound } from '../../errors';
import { defineAction } from '../../registry';
import { inviteView } from './views';
import { messageCard } from '../../views/message-card';

const SAID = { accepted: 'accepted', tentative: 'said tentative to', declined: 'declined' } as const;

export const rsvp = defineAction({
  verb: 'forum.rsvp',
  schema: z.object({ forumId: z.string().trim().min(1, 'missing'), response: z.enum(RSVPS) }),
  async run(ctx, { person }, input) {
    const at = ctx.now().toISOString();
    const forum = await ctx.store.transact((draft) => {
      const f = draft.forums.find((x) => x.id === input.forumId);
      if (!f) throw notFound('That forum', 'Type forum to see the upcoming forums.');
      const inv = f.invites.find((i) => i.personId === person.id);
      if (!inv) throw notAllowed(`You are not invited to ${f.title}: nothing was recorded.`, 'Ask the organiser to invite you.');
      if (!isUpcoming(f, ctx.now())) throw new AppError('ALREADY_DONE', `${f.title} has already started: your answer was not recorded.`);
      inv.rsvp = input.response;
      inv.rsvpAt = at;
      return structuredClone(f);
    }, { audit: (forum) => ({ at, actorId: person.id, action: 'forum.rsvp', subject: forum.id, outcome: 'ok', detail: { response: input.response } }) });
    const inv = forum.invites.find((i) => i.personId === person.id)!;
    // An expected school saying no is something the organiser needs to know now, not at the meeting.
    const tell: Notification[] =
      inv.expected && input.response === 'declined' && forum.createdById !== person.id
        ? [{ ...messageCard(`${person.name} declined ${forum.title}`, 'Their school is expected to attend.'), to: { person: forum.createdById } }]
        : [];
    return outcome([{ ...inviteView(forum, person, ctx.timeZone, `Thank you: you ${SAID[input.response]} this forum.`), replace: true }], tell);
  },
});
