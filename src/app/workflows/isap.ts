// Individual School Action Plans: my actions, a school's plan, updates, extensions, snoozes, escalation.
import type { Workflow } from '../registry';

export const isap: Workflow = {
  name: 'isap',
  summary: 'School action plans (ISAP) and overdue actions',
  commands: [],
  actions: [],
};
