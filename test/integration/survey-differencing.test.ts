// The difference attack: read the results, wait for one colleague to answer, read them again. By every
// route (results for the trust and for a school, the CSV export, the digests) the two looks may differ
// only in how many have responded, never in what anyone answered.
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/app/command';
import { replyText } from '../helpers/bot';
import { useTestBot } from '../helpers/use-bot';

const t = useTestBot();

/** Response counts may move: "5 of 7 (71%)", CSV rows "Beacon Primary,5,7,", the digest's "90% responded". */
const counts = (text: string) =>
  text
    .replace(/\d+ of \d+ \(\d+%\)/g, '# of # (#%)')
    .replace(/^([^,\n]+),\d+,\d+,/gm, '$1,#,#,')
    .replace(/\d+ (response|responses)\b/g, '# $1')
    .replace(/\d+% responded/g, '#% responded');

const texts = (o: Outcome) => [...o.replies.map((r) => replyText({ replies: [r], notifications: [] })), ...o.replies.map((r) => String(r.data.csv ?? ''))].join('\n');

describe('survey results cannot be differenced while a survey is open', () => {
  it('one more answer changes nothing but the counts, by any route, and its comment never shows', async () => {
    await t.as('tom').say('survey new wellbeing');
    const id = t.bot.store.read().surveys.at(-1)!.id;
    await t.as('tom').say(`survey open ${id} beacon riverside`);
    // Ten answers first, so that every group is big enough to show if it were closed.
    const staff = ['lucy', 'ben', 'chloe', 'dan', 'ella', 'rachel', 'sam', 'femi', 'hannah'];
    for (const [i, who] of staff.entries()) await t.as(who).act('survey.answer', { surveyId: id, q1: String(1 + (i % 5)), q2: '3', q6: `comment ${i}` });
    const routes: [string, string][] = [
      ['tom', `survey results ${id}`],
      ['tom', `survey results ${id} beacon`],
      ['rachel', `survey results ${id}`],
      ['tom', `survey export ${id}`],
      ['tom', `survey export ${id} beacon`],
      ['helen', `survey results ${id}`],
      ['tom', 'digest weekly'],
      ['tom', 'digest board'],
    ];
    const look = async () => Promise.all(routes.map(async ([who, text]) => texts(await t.as(who).say(text))));
    const before = await look();
    const answered = await t.as('jo').act('survey.answer', { surveyId: id, q1: '1', q2: '1', q6: 'SECRET-OF-JO' });
    expect(replyText(answered)).toContain('your answer is in');
    const after = await look();
    routes.forEach(([who, text], i) => {
      expect(after[i], `${who}: ${text}`).not.toContain('SECRET-OF-JO');
      expect(counts(after[i]!), `${who}: ${text}`).toBe(counts(before[i]!));
    });
    // Once closed, the results are there for everyone entitled to them, and stay the same.
    await t.as('tom').say(`survey close ${id}`);
    const closed = replyText(await t.as('tom').say(`survey results ${id}`));
    expect(closed).toMatch(/Mean \d\.\d of 5/);
    expect(replyText(await t.as('tom').say(`survey results ${id}`))).toBe(closed);
  });
});
