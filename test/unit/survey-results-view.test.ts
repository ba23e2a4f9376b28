// Survey results at 1,000 schools: the card lists the weakest schools first, a page at a time, and
// stays inside Teams' 28 KB and Slack's 50 blocks; the hidden schools still say why.
import { describe, expect, it } from 'vitest';
import { resultsView } from '../../src/app/workflows/survey/views';
import { renderCard } from '../../src/cards/render';
import { cardToBlocks } from '../../src/channels/slack/blockkit';
import { surveyResults } from '../../src/domain/surveys-results';
import type { SurveyResponse } from '../../src/domain/surveys';
import { cardText } from '../helpers/bot';

const SCHOOLS = 1000;
const schools = Array.from({ length: SCHOOLS }, (_, i) => ({ id: `s${i}`, name: `St Aidan's Church of England Primary Academy ${i}` }));
const survey = {
  id: 'pulse',
  title: 'Staff pulse',
  questions: [
    { id: 'q1', type: 'likert' as const, text: 'I feel valued at work' },
    { id: 'q2', type: 'likert' as const, text: 'My workload is manageable' },
    { id: 'q3', type: 'text' as const, text: 'One thing that would help' },
  ],
  invited: Object.fromEntries(schools.map((s) => [s.id, 40])),
};
// School i answers with score 1 + (i mod 5); every tenth school has only 3 responses (hidden, and
// shown together as "Other schools": 1,001 rows in all).
const responses: SurveyResponse[] = schools.flatMap((s, i) =>
  Array.from({ length: i % 10 === 0 ? 3 : 12 }, () => ({ surveyId: 'pulse', schoolId: s.id, answers: { q1: 1 + (i % 5), q2: 3, q3: 'More planning time' } })),
);

describe('survey results at 1,000 schools', () => {
  const results = surveyResults(survey, responses, { minGroup: 5, minFreeText: 10 }, schools, 'trust');

  it('fit Teams and Slack, weakest schools first, with what to type for the next page', () => {
    const view = resultsView(results, 'closed');
    const card = renderCard(view);
    expect(JSON.stringify(card).length).toBeLessThan(20_000);
    expect(cardToBlocks(card).blocks.length).toBeLessThanOrEqual(50);
    const rows = view.data.schools as { title: string; value: string }[];
    expect(rows).toHaveLength(25);
    expect(rows.every((r) => r.value.includes('Q1 1.0'))).toBe(true);
    expect(cardText(view)).toContain('By school, weakest scores first (page 1 of 41)');
    expect(cardText(view)).toContain('… and 976 more: type survey results pulse page 2');
  });

  it('the last page lists the hidden schools with the reason', () => {
    const view = resultsView(results, 'closed', 41);
    const rows = view.data.schools as { title: string; value: string }[];
    expect(rows.at(-1)!.value).toContain('fewer than 5');
    expect(cardText(view)).not.toContain('more: type');
  });
});
