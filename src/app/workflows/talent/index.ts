// The talent register: nomination → reference → visit and interview → CEO offer → on the register;
// search for school-to-school support; annual refresh.
import type { Workflow } from '../../registry';
import { nominateAction, nominateCommand, referenceAction, referenceCommand } from './nominate';
import { listCommand, refreshCommand, renewAction, searchCommand } from './register';
import { offerDecided, visitAction, visitCommand } from './visit';

export const talent: Workflow = {
  name: 'talent',
  summary: 'Talent register: nominate, search, refresh',
  commands: [listCommand, searchCommand, nominateCommand, referenceCommand, visitCommand, refreshCommand],
  actions: [nominateAction, referenceAction, visitAction, renewAction],
  decisionEffects: { 'talent-offer': offerDecided },
};
