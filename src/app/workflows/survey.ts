// Staff surveys and pupil voice: create, open, answer anonymously, results with small groups hidden.
import type { Workflow } from '../registry';

export const survey: Workflow = {
  name: 'survey',
  summary: 'Staff surveys and pupil voice',
  commands: [],
  actions: [],
};
