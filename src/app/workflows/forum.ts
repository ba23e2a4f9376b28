// Trust forums and networks: invitations with RSVP buttons, responses, nudges and reminders, and a
// calendar event with a Teams meeting where Microsoft Graph is configured. Parts live in ./forum/.
import type { Workflow } from '../registry';
import { invite, list, responses } from './forum/commands';
import { forumDaily } from './forum/daily';
import { rsvp } from './forum/rsvp';

export const forum: Workflow = {
  name: 'forum',
  summary: 'Trust forums and networks: invitations and RSVPs',
  commands: [list, invite, responses],
  actions: [rsvp],
  jobs: { daily: forumDaily },
};
