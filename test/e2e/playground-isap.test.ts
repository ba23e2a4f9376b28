// ISAP in the playground, as a headteacher would use it: after one Open on a list card the card's
// other buttons still work; and an overdue action is updated and saved (the check).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestBot } from '../helpers/bot';
import { chromiumMissing, CHROMIUM, shot, usePlaygroundPage, type PlaygroundPage } from './browser';

const title = chromiumMissing ? `playground ISAP (SKIPPED: ${CHROMIUM} is missing)` : 'playground ISAP';

describe.skipIf(chromiumMissing)(title, () => {
  const s = usePlaygroundPage();
  let t: TestBot, page: Page, errors: string[], p: PlaygroundPage['p'];
  beforeAll(async () => {
    ({ t, page, errors, p } = s);
    await p.as('rachel');
  });

  const row = (list: ReturnType<Page['locator']>, text: string) => list.locator('.ac-columnSet', { hasText: text }).getByRole('button', { name: 'Open' });

  it('keeps a list card usable after one Open: another Open works too', async () => {
    await p.type('isap beacon primary');
    const list = p.card('ISAP: Beacon Primary');
    await expect.poll(() => list.isVisible()).toBe(true);
    await row(list, 'Phonics').click();
    await expect.poll(() => page.locator('article.msg.bot').last().innerText()).toContain('Phonics: every Year 1');
    // The list card came back to life once the answer arrived: its buttons are enabled, and work.
    await expect.poll(() => row(list, 'Attendance').isEnabled()).toBe(true);
    await row(list, 'Attendance').click();
    await expect.poll(() => page.locator('article.msg.bot').last().innerText()).toContain('Attendance: first-day');
    await expect.poll(() => list.getByRole('button', { disabled: true }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('updates an overdue action and saves it', async () => {
    await p.type('isap overdue');
    const list = p.card('overdue actions');
    await row(list, 'Phonics').click();
    const card = page.locator('article.msg.bot').last();
    await expect.poll(() => card.innerText()).toContain('Overdue: due');
    await card.getByRole('button', { name: 'Update' }).click();
    await card.getByRole('combobox', { name: 'Progress' }).selectOption({ label: '⛔ Off track' });
    await card.getByRole('textbox', { name: 'Progress note' }).fill('Catch-up groups now run daily');
    await shot(page, '31-rachel-update-overdue');
    await card.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('article.msg.bot', { hasText: 'Saved.' }).count()).toBe(1);
    const saved = page.locator('article.msg.bot', { hasText: 'Saved.' });
    expect(await saved.innerText()).toContain('Catch-up groups now run daily');
    expect(await saved.innerText()).toContain('⛔ Off track');
    const a = t.bot.store.read().isapActions.find((x) => x.title.startsWith('Phonics'))!;
    expect(a.rag).toBe('red');
    expect(a.notes?.at(-1)?.text).toBe('Catch-up groups now run daily');
    await shot(page, '32-rachel-overdue-saved');
    expect(errors).toEqual([]);
  });
});
