// The forum cards' data: the invitation with RSVP buttons, the upcoming list, the responses.
import type { Forum, Person } from '../../../domain';
import { seesWholeTrust } from '../../../domain/people';
import type { Data } from '../../../store/schema';
import type { View } from '../../command';
import { formatWhen } from '../../views/format';

const RSVP_TEXT = { accepted: 'You accepted', tentative: 'You said tentative', declined: 'You declined' } as const;

export function when(forum: Forum, timeZone: string): string {
  const end = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(forum.endsAt));
  return `${formatWhen(forum.startsAt, timeZone)}–${end}`;
}

export function myRsvp(forum: Forum, personId: string): string {
  const inv = forum.invites.find((i) => i.personId === personId);
  if (!inv) return 'Not invited';
  return inv.rsvp ? RSVP_TEXT[inv.rsvp] : 'Not answered yet';
}

export function inviteView(forum: Forum, person: Person, timeZone: string, notice = ''): View {
  const inv = forum.invites.find((i) => i.personId === person.id);
  return {
    card: 'forum-invite',
    data: {
      id: forum.id,
      title: forum.title,
      when: when(forum, timeZone),
      where: forum.location ?? (forum.onlineMeetingUrl ? 'Teams meeting' : 'To be confirmed'),
      meetingUrl: forum.onlineMeetingUrl ?? '',
      expected: inv?.expected ? 'Your school is expected to attend.' : '',
      rsvp: myRsvp(forum, person.id),
      notice,
    },
  };
}

export function listView(data: Readonly<Data>, person: Person, forums: Forum[], timeZone: string, page = '', more = ''): View {
  return {
    card: 'forum-list',
    data: {
      title: forums.length ? `Upcoming forums${page ? ` (${page})` : ''}` : 'No upcoming forums',
      more,
      // Most people see only their invitations: "none planned" would be untrue when others are invited.
      empty: seesWholeTrust(person) ? 'No forums are planned yet.' : 'You have no forum invitations coming up. Invitations from the trust arrive here.',
      forums: forums.map((f) => ({
        id: f.id,
        title: f.title,
        when: when(f, timeZone),
        where: f.location ?? 'To be confirmed',
        rsvp: myRsvp(f, person.id),
        invited: f.invites.some((i) => i.personId === person.id),
        meetingUrl: f.onlineMeetingUrl ?? '',
      })),
      trustName: data.trust?.name ?? '',
    },
  };
}
