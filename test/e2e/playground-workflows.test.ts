// The playground in real headless Chromium: a headteacher answers the risk round's category
// questions, the CEO approves the decision that results, and a teacher answers the staff survey,
// each by using the cards on screen.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestBot } from '../helpers/bot';
import { chromiumMissing, CHROMIUM, shot, usePlaygroundPage, type PlaygroundPage } from './browser';

const title = chromiumMissing ? `playground workflows in a browser (SKIPPED: ${CHROMIUM} is missing)` : 'playground workflows in a browser';

describe.skipIf(chromiumMissing)(title, () => {
  const s = usePlaygroundPage();
  let t: TestBot, page: Page, errors: string[], p: PlaygroundPage['p'];
  beforeAll(async () => {
    ({ t, page, errors, p } = s);
  });

  it('risk: Tom opens the round; Rachel is marked new, answers Beacon\'s category questions and sees the proposal', async () => {
    await p.as('tom');
    await p.type('risk open');
    await expect.poll(() => p.messages().innerText()).toContain('is open');
    await expect.poll(() => page.locator('#persona option[value="rachel"]').innerText()).toContain('new');

    await p.as('rachel');
    await p.type('risk answer');
    const form = p.card('Category questions: Beacon Primary');
    await expect.poll(() => form.isVisible()).toBe(true);
    await shot(page, '10-rachel-risk-questions');
    // Ofsted comes pre-filled from the school's record; the rest is Rachel's to answer.
    await form.getByRole('checkbox', { name: /Emerging trend of declining performance/ }).check();
    await form.getByRole('textbox', { name: /^Attendance so far this year/ }).fill('89.0');
    await form.getByRole('textbox', { name: /^National attendance/ }).fill('94.0');
    await p.choose(form, /safeguarding concerns/, 'No');
    await p.choose(form, /leadership changed/, 'No');
    await form.getByRole('textbox', { name: /^Anything the risk meeting should know/ }).fill('Phonics catch-up behind plan.');
    await form.getByRole('button', { name: 'Send answers' }).click();

    await expect.poll(() => p.messages().innerText()).toContain('Proposed for Beacon Primary: 🟠 AMBER');
    const entry = t.bot.store.read().riskRounds[0]!.entries.find((e) => e.schoolId === 'beacon')!;
    expect(entry).toMatchObject({ status: 'answered', proposed: 'amber', answeredById: 'rachel' });
    await shot(page, '11-rachel-risk-proposed');
  });

  it("risk: Tom moves Beacon into RED at the meeting; Amira approves the resulting decision and the card says so", async () => {
    await p.as('tom');
    await p.type('risk review beacon');
    const decide = p.card('Rationale and evidence');
    await expect.poll(() => decide.isVisible()).toBe(true);
    await decide.locator('select').first().selectOption('red');
    await decide.getByRole('textbox', { name: /^Rationale and evidence/ }).fill('Phonics and attendance both behind plan; safeguarding review due.');
    await decide.getByRole('button', { name: 'Decide' }).click();
    await expect.poll(() => p.messages().innerText()).toContain('Beacon Primary: 🔴 RED sent to the CEO');

    await p.as('amira');
    const approval = p.card('Move Beacon Primary from 🟠 AMBER to 🔴 RED');
    await expect.poll(() => approval.isVisible()).toBe(true);
    await shot(page, '14-amira-beacon-decision');
    await approval.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => p.card('Move Beacon Primary from 🟠 AMBER to 🔴 RED').innerText()).toContain('Approved by Amira Shah');
    expect(await p.card('Move Beacon Primary from 🟠 AMBER to 🔴 RED').getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(t.bot.store.read().schools.find((s) => s.id === 'beacon')!.categoryId).toBe('red');
    await shot(page, '15-amira-beacon-approved');
  });

  it('survey: Jo answers the open staff survey on its card, anonymously, once', async () => {
    const survey = t.bot.store.read().surveys.find((s) => s.status === 'open')!;
    const before = (await t.bot.store.surveyResponses(survey.id)).length;
    await p.as('jo');
    await p.type('survey');
    await expect.poll(() => p.messages().innerText()).toContain(`To answer: ${survey.title}`);
    const form = p.card('Send my answers');
    await p.choose(form, /I feel my workload is manageable/, 'Agree');
    await p.choose(form, /I feel supported by my line manager/, 'Strongly agree');
    await form.getByRole('textbox', { name: /One thing that would make the biggest difference/ }).fill('Shared planning time on Fridays');
    await shot(page, '12-jo-survey-form');
    await form.getByRole('button', { name: 'Send my answers' }).click();

    await expect.poll(() => p.messages().innerText()).toMatch(/your answer is in/i);
    const after = (await t.bot.store.surveyResponses(survey.id));
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)!.answers).toMatchObject({ q1: 4, q2: 5, q3: 'Shared planning time on Fridays' });
    // Anonymous: nothing in the stored response says who answered.
    expect(JSON.stringify(after.at(-1))).not.toMatch(/jo|Jo Williams/);
    expect(await p.card('your answer is in').getByRole('button', { name: 'Send my answers' }).count()).toBe(0);
    await shot(page, '13-jo-survey-answered');
  });

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});
