// `home`: what a person has open, the same view Slack's App Home tab publishes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyText, startTestBot, type TestBot } from '../helpers/bot';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(() => t.stop());

describe('home', () => {
  it("shows a teacher her overdue action first, and the survey until she has answered it", async () => {
    const survey = t.bot.store.read().surveys.find((s) => s.id.startsWith('wellbeing-'))!;
    const before = replyText(await t.as('jo').say('home'));
    expect(before).toContain('Jo, your open items');
    expect(before).toMatch(/Phonics: every Year 1 pupil[\s\S]*overdue since/);
    expect(before).toContain(survey.title);

    const answered = await t.as('jo').act('survey.answer', { surveyId: survey.id, q1: '4', q2: '4' });
    expect(replyText(answered)).not.toContain('could not');
    const after = replyText(await t.as('jo').say('home'));
    expect(after).not.toContain(survey.title);
  });

  it("lists the risk round's questions for the headteacher until she has answered them", async () => {
    expect(replyText(await t.as('rachel').say('home'))).not.toContain('Answer the risk round questions');
    await t.as('tom').say('risk open');
    expect(replyText(await t.as('rachel').say('home'))).toContain('Answer the risk round questions for Beacon Primary');
    expect(replyText(await t.as('sam').say('home'))).not.toContain('for Beacon Primary');
  });

  it('shows the CEO the decision waiting for her', async () => {
    expect(replyText(await t.as('amira').say('home'))).toContain('Move Oakfield Academy from AMBER to RED');
  });
});
