// Individual School Action Plans: my actions, a school's plan, updates, extensions, snoozes, escalation.
// The parts live in ./isap/; this file assembles the workflow.
import type { Workflow } from '../registry';
import { addAction, complete, open, snooze, update } from './isap/actions';
import { add, mine, overdue } from './isap/commands';
import { isapDaily } from './isap/daily';
import { extend, extensionDecided } from './isap/extension';

export const isap: Workflow = {
  name: 'isap',
  summary: 'School action plans (ISAP) and overdue actions',
  commands: [mine, add, overdue],
  actions: [open, addAction, update, complete, extend, snooze],
  jobs: { daily: isapDaily },
  decisionEffects: { 'isap-extension': extensionDecided },
};
