// Digests: the weekly SLT digest, the half-termly risk-meeting pack and the termly board digest.
// Preview one now, send one now, or subscribe a conversation to receive it on schedule.
import type { Workflow } from '../../registry';
import { boardCommand, previewCommand, sendCommand, subscribeCommand, unsubscribeCommand } from './commands';
import { boardJob, riskPackJob, weeklyJob, weeklyNowJob } from './schedule';

export const digest: Workflow = {
  name: 'digest',
  summary: 'Digests: preview one now, or subscribe a channel',
  commands: [previewCommand, boardCommand, sendCommand, subscribeCommand, unsubscribeCommand],
  actions: [],
  jobs: { 'weekly-digest': weeklyJob, 'weekly-digest-now': weeklyNowJob, 'risk-pack': riskPackJob, 'board-digest': boardJob },
};
