// Trust forums and networks: invitations, RSVPs, who has not answered.
import type { Workflow } from '../registry';

export const forum: Workflow = {
  name: 'forum',
  summary: 'Forums and networks: invitations and RSVPs',
  commands: [],
  actions: [],
};
