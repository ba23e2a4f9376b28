// Digests: weekly SLT, half-termly risk pack, termly board; preview now or subscribe a channel.
import type { Workflow } from '../registry';

export const digest: Workflow = {
  name: 'digest',
  summary: 'Digests: preview one now, or subscribe a channel',
  commands: [],
  actions: [],
};
