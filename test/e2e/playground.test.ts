// The playground in real headless Chromium: a newcomer's journeys, read off the screen.
import { playgroundSession } from '../helpers/playground';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestBot, type TestBot } from '../helpers/bot';
import { chromiumMissing, CHROMIUM, launchBrowser, playground, shot, type Browser } from './browser';

const title = chromiumMissing ? `playground in a browser (SKIPPED: ${CHROMIUM} is missing)` : 'playground in a browser';

describe.skipIf(chromiumMissing)(title, () => {
  let t: TestBot;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    t = await startTestBot();
    browser = await launchBrowser();
    ({ page, errors } = await browser.page());
  });
  afterAll(async () => {
    // The browser first, so its event stream is not cut mid-test by the server going away.
    await browser?.close();
    await t?.stop();
  });

  const messages = () => page.locator('#messages');
  const as = (personId: string) => playground(page).as(personId);
  const type = (text: string) => playground(page).type(text);

  it('opens on / with the trust\'s people and their conversations', async () => {
    expect(t.bot.store.read().conversations.some((c) => c.platform === 'local')).toBe(true);
    await page.goto(t.url + '/');
    await expect.poll(() => page.locator('#persona option').count()).toBe(t.bot.store.read().people.length);
    const names = await page.locator('#conversations button').allInnerTexts();
    expect(names).toEqual(['Chat with Improvement Bot', '# SLT channel', '# Beacon Primary staff', '# Headteachers']);
    await expect.poll(() => messages().innerText()).toContain('No messages yet');
  });

  it('as the CEO: approvals, then approve Oakfield from the keyboard; the card changes in place', async () => {
    await as('amira');
    await type('approvals');
    await expect.poll(() => messages().innerText()).toContain('Move Oakfield Academy from 🟠 AMBER to 🔴 RED');
    expect(await messages().innerText()).toContain('1 decision waiting');
    await expect.poll(() => page.locator('#text').evaluate((el) => el === document.activeElement)).toBe(true);
    const card = page.locator('article.msg.bot', { hasText: 'Move Oakfield Academy' });
    await expect.poll(() => card.getByRole('button', { name: 'Approve' }).isVisible()).toBe(true);
    await shot(page, '01-amira-approvals');

    // Type a comment, Tab to Approve, press Enter: inputs travel with the action's data.
    await card.locator('textarea').fill('Agreed at the risk meeting');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Approve');
    await page.keyboard.press('Enter');

    await expect.poll(() => card.innerText()).toContain('Approved by Amira Shah');
    const text = await card.innerText();
    expect(text).toContain('Comment: Agreed at the risk meeting');
    expect(await card.getByRole('button').count()).toBe(0);
    expect(await page.locator('article.msg.bot', { hasText: 'Move Oakfield Academy' }).count()).toBe(1);
    expect(t.bot.store.read().approvals.find((a) => a.id === 'oakfield-red')!.status).toBe('approved');
    await shot(page, '02-amira-approved');
  });

  it('switching to Tom shows he was told, and he was marked as having something new', async () => {
    await expect.poll(() => page.locator('#persona option[value="tom"]').innerText()).toMatch(/Tom Okafor.*\(1 new\)/);
    await as('tom');
    await expect.poll(() => messages().innerText()).toContain('Approved: Move Oakfield Academy from 🟠 AMBER to 🔴 RED');
    expect(await messages().innerText()).toContain('Amira Shah decided at Wed 18 Nov, 10:00. Comment: Agreed at the risk meeting');
    await expect.poll(() => page.locator('#persona option[value="tom"]').innerText()).not.toContain('new');
    await shot(page, '03-tom-told');
  });

  it('help as a teacher lists only what a teacher may do', async () => {
    await type('help'); // still Tom: the DoSI may use approvals
    await expect.poll(() => messages().innerText()).toMatch(/^approvals$/m);
    await as('jo');
    await type('help');
    await expect.poll(() => messages().innerText()).toContain('What I can do for you');
    const text = await messages().innerText();
    expect(text).toContain('You are Jo Williams (Staff)');
    expect(text).toContain('help <command>');
    expect(text).not.toMatch(/^approvals$/m);
    await shot(page, '04-jo-help');
  });

  it('a refused action shows the error card and changes nothing', async () => {
    await type('approvals');
    await expect.poll(() => messages().innerText()).toContain('Your role does not let you use "approvals list"');
  });

  it('shows a notification that arrives while the page is open, and marks its conversation', async () => {
    const slt = page.locator('#conversations button', { hasText: 'SLT channel' });
    expect(await slt.innerText()).not.toContain('new');
    await t.bot.outbox.deliver([{ card: 'list', data: { title: 'Risk meeting moved to Thursday', intro: '', empty: '', items: [] }, to: { conversation: 'local:channel:slt' } }]);
    await expect.poll(() => slt.innerText()).toContain('1 new');
    await shot(page, '05-slt-marked-new');
    await slt.click();
    await expect.poll(() => messages().innerText()).toContain('Risk meeting moved to Thursday');
    await expect.poll(() => slt.innerText()).not.toContain('new');
    // Still there when the same channel is opened as someone else.
    await page.selectOption('#persona', 'sam');
    await page.locator('#conversations button', { hasText: 'SLT channel' }).click();
    await expect.poll(() => messages().innerText()).toContain('Risk meeting moved to Thursday');
  });

  it('runs the weekly digest now, and says what it delivered', async () => {
    const pg = await playgroundSession(t.url);
    const sltCount = () =>
      pg.get('/playground/api/messages?as=tom&conversation=local:channel:slt').then(async (r) => ((await r.json()) as { messages: unknown[] }).messages.length);
    const before = await sltCount();
    await page.getByRole('button', { name: 'Send the digest now' }).click();
    await expect.poll(() => page.locator('#status').innerText()).toMatch(/Weekly digest sent|nothing to send/);
    const status = await page.locator('#status').innerText();
    const added = (await sltCount()) - before;
    // The SLT channel subscribes to the weekly digest in the demo trust: whatever the job sent is said.
    if (added) {
      expect(status).toContain(`Weekly digest sent: ${added} message`);
      await page.locator('#conversations button', { hasText: 'SLT channel' }).click();
      await expect.poll(() => page.locator('article.msg.bot').count()).toBeGreaterThanOrEqual(added);
      await shot(page, '07-slt-digest');
    } else {
      expect(status).toContain('The weekly digest had nothing to send');
    }
  });

  it('keyboard: the controls come in a sensible Tab order', async () => {
    await page.goto(t.url + '/');
    await expect.poll(() => page.locator('#persona option').count()).toBeGreaterThan(1);
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim() || ''));
    }
    expect(order).toEqual(['persona', 'digest', 'Chat with Improvement Bot', '# SLT channel']);
  });

  it('fits a 390 px phone: no sideways scrolling, the composer and cards in view', async () => {
    const phone = await browser.page({ width: 390, height: 844 });
    await phone.page.goto(t.url + '/');
    await phone.page.selectOption('#persona', 'rachel');
    await phone.page.locator('#text').fill('help');
    await phone.page.keyboard.press('Enter');
    await expect.poll(() => phone.page.locator('#messages').innerText()).toContain('You are Rachel Green');
    const widths = await phone.page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      card: document.querySelector('article.msg.bot')!.getBoundingClientRect().right,
      send: document.querySelector('#composer button')!.getBoundingClientRect().right,
    }));
    await shot(phone.page, '06-phone-rachel-help');
    expect(widths.page).toBeLessThanOrEqual(390);
    expect(widths.card).toBeLessThanOrEqual(390);
    expect(widths.send).toBeLessThanOrEqual(390);
    expect(await phone.page.locator('#composer').isVisible()).toBe(true);
    expect(phone.errors).toEqual([]);
    await phone.page.close();
  });

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});
