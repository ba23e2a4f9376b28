// Trust forums and networks: invitations with RSVP buttons, responses, nudges and reminders, and a
// calendar event with a Teams meeting where Microsoft Graph is configured. Parts live in ./forum/.
import type { Workflow } from '../registry';
import { invite, list, responses } from './forum/commands';
import { create, newForum } from './forum/create';
import { forumDaily } from './forum/daily';
import { rsvp } from './forum/rsvp';

export const forum: Workflow = {
  name: 'forum',
  summary: 'Trust forums and networks: invitations and RSVPs',
  commands: [list, newForum, invite, responses],
  actions: [rsvp, create],
  jobs: { daily: forumDaily },
};
