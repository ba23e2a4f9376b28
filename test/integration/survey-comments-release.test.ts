// Survey comments cannot be worked out by subtraction. An executive who exports the results of a closed
// survey gets the trust's comments, each shown school's and "Other schools"'s. Taking every shown
// group's comments away from the trust's must leave nothing or at least minFreeText (10) comments:
// never one small school's comments on their own. Guards two rules in src/domain/surveys-results.ts:
// a school's comments follow the comments release list (not just its own size), and "Other schools"
// shows comments only when the schools withheld for comments are the same ones withheld for scores.
import { describe, expect, it } from 'vitest';
import { replyText } from '../helpers/bot';
import { useTestBot } from '../helpers/use-bot';

const t = useTestBot();

/** Opens a wellbeing survey to these schools, stores `counts[school]` answers each (every comment names its school), closes it. */
async function closedSurvey(counts: Record<string, number>): Promise<string> {
  await t.as('tom').say('survey new wellbeing');
  const id = t.bot.store.read().surveys.at(-1)!.id;
  await t.as('tom').say(`survey open ${id} ${Object.keys(counts).join(' ')}`);
  expect(Object.keys(t.bot.store.read().surveys.at(-1)!.invited).sort()).toEqual(Object.keys(counts).sort());
  // The answers as the survey form stores them: no names, one per colleague.
  for (const [school, n] of Object.entries(counts)) {
    for (let k = 0; k < n; k++) await t.bot.store.append('surveyResponses', { surveyId: id, schoolId: school, answers: { q1: 1 + (k % 5), q6: `${school} comment ${k}` } });
  }
  expect(replyText(await t.as('tom').say(`survey close ${id}`))).toContain('No more answers are taken');
  return id;
}

/** The export's comment rows, by group label. */
async function exportedComments(id: string): Promise<Map<string, string[]>> {
  const o = await t.as('tom').say(`survey export ${id}`);
  const csv = o.replies[0]!.data.csv as string;
  const byGroup = new Map<string, string[]>();
  for (const line of csv.split('\r\n').slice(1)) {
    // group,responses,invited,question_id,question,measure,value: comments hold no commas here.
    const cells = line.split(',');
    if (cells[5] !== 'comment') continue;
    byGroup.set(cells[0]!, [...(byGroup.get(cells[0]!) ?? []), cells.slice(6).join(',')]);
  }
  return byGroup;
}

/** The trust's comments minus every other shown group's: what subtraction gives an attacker. */
function residual(byGroup: Map<string, string[]>): string[] {
  const left = [...(byGroup.get('All schools') ?? [])];
  for (const [label, comments] of byGroup) {
    if (label === 'All schools') continue;
    for (const c of comments) left.splice(left.indexOf(c), 1);
  }
  return left;
}

describe('survey comments released per school', () => {
  it('"Other schools" hides its comments when another school is withheld for comments only (3, 8, 7, 20)', async () => {
    // Scores (5 or more): Hillcrest (3) is too small, so Oakfield (7) protects it; Riverside (8) and
    // Beacon (20) are shown, and Hillcrest with Oakfield are shown as "Other schools" (10).
    // Comments (10 or more): only Beacon's may be shown; Hillcrest, Oakfield and Riverside are withheld.
    const id = await closedSurvey({ hillcrest: 3, riverside: 8, oakfield: 7, beacon: 20 });
    const byGroup = await exportedComments(id);
    expect(byGroup.get('All schools')).toHaveLength(38);
    expect(byGroup.get('Beacon Primary')).toHaveLength(20);
    const left = residual(byGroup);
    expect(left.length === 0 || left.length >= 10, `subtraction leaves: ${left.join('; ')}`).toBe(true);
    expect(left.filter((c) => c.startsWith('riverside'))).toHaveLength(8);
    // The export says why, where a reader would look.
    const text = replyText(await t.as('tom').say(`survey results ${id}`));
    expect(text).toContain('Other schools (2 together)');
  });

  it('a school big enough for comments still hides them when it protects a smaller school (6, 12, 20)', async () => {
    // Scores: all three are 5 or more, so all are shown. Comments: Meadowbank (6) is too small, so
    // St Mary's (12) is withheld to protect it; only Northgate's (20) may be shown.
    const id = await closedSurvey({ meadowbank: 6, 'st-marys': 12, northgate: 20 });
    const byGroup = await exportedComments(id);
    expect(byGroup.get('All schools')).toHaveLength(38);
    expect(byGroup.get('Northgate Junior School')).toHaveLength(20);
    expect(byGroup.has("St Mary's Church of England Primary School and Nursery")).toBe(false);
    const left = residual(byGroup);
    expect(left.length === 0 || left.length >= 10, `subtraction leaves: ${left.join('; ')}`).toBe(true);
    // St Mary's scores are shown; its comments say why they are not.
    const csv = (await t.as('tom').say(`survey export ${id}`)).replies[0]!.data.csv as string;
    expect(csv).toMatch(/St Mary's[^\r\n]*,q6,[^\r\n]*,comments,Comments hidden so that a smaller school/);
  });
});
