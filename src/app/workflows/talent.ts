// The talent register: nomination, reference, visit, CEO offer, search, annual refresh.
import type { Workflow } from '../registry';

export const talent: Workflow = {
  name: 'talent',
  summary: 'Talent register: nominate, search, refresh',
  commands: [],
  actions: [],
};
