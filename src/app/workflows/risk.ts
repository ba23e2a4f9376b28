// The half-termly risk round: questions, proposed categories, the risk meeting, publication and disputes.
import type { Workflow } from '../registry';

export const risk: Workflow = {
  name: 'risk',
  summary: 'Half-termly risk round and category history',
  commands: [],
  actions: [],
};
