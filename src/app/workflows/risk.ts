// The half-termly risk round: questions, proposed categories, the risk meeting, publication and
// disputes. Each step lives in ./risk/; this file puts them together.
import type { Workflow } from '../registry';
import { boardCommand } from './risk/board-view';
import { nationalCommand } from './risk/national';
import { answerAction, answerCommand } from './risk/answer';
import { decideAction } from './risk/decide';
import { disputeAction } from './risk/dispute';
import { categoryDisputeEffect, categoryMoveEffect } from './risk/effects';
import { historyCommand } from './risk/history';
import { meetingCommand, reviewAction, reviewCommand } from './risk/meeting';
import { openCommand } from './risk/open';
import { publishCommand } from './risk/publish';
import { riskReminders } from './risk/reminders';

export const risk: Workflow = {
  name: 'risk',
  summary: 'Half-termly risk round and category history',
  commands: [nationalCommand, boardCommand, historyCommand, meetingCommand, openCommand, answerCommand, reviewCommand, publishCommand],
  actions: [answerAction, reviewAction, decideAction, disputeAction],
  jobs: { daily: riskReminders },
  decisionEffects: { 'category-move': categoryMoveEffect, 'category-dispute': categoryDisputeEffect },
};
