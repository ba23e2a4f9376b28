// `home`: the person's own open items in one card (Slack's App Home tab shows the same view).
import { hasAnswered, responderHash } from '../../domain/surveys-answers';
import { outcome } from '../command';
import type { Workflow } from '../registry';
import { homeView } from '../views/home';

export const home: Workflow = {
  name: 'home',
  summary: 'Your open items: actions, decisions, surveys, forums',
  commands: [
    {
      key: 'home',
      words: ['home'],
      usage: 'home',
      summary: 'Your overdue and upcoming actions, decisions waiting for you, surveys to answer, forums to reply to',
      run(ctx, { person, data }) {
        const answered = (surveyId: string) => hasAnswered(data.surveyResponders[surveyId], responderHash(ctx.surveyKey, surveyId, person.id));
        return outcome([homeView(data, person, ctx.now(), ctx.timeZone, answered)]);
      },
    },
  ],
  actions: [],
};
