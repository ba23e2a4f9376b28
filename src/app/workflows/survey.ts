// Staff surveys and pupil voice: create, open, answer anonymously, results with small groups hidden.
import type { Workflow } from '../registry';
import { answerActions, answerCommands } from './survey/answer';
import { closeDueSurveys, manageActions, manageCommands } from './survey/manage';
import { resultsCommands } from './survey/results';

export const survey: Workflow = {
  name: 'survey',
  summary: 'Staff surveys and pupil voice',
  commands: [...manageCommands, ...resultsCommands, ...answerCommands],
  actions: [...manageActions, ...answerActions],
  jobs: { daily: closeDueSurveys },
};
