// The playground renders the cards' Markdown as Teams does (bold, italic, lists, links), so the risk
// meeting shows no raw "**"; and what people type stays text: it never becomes HTML on the page.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestBot } from '../helpers/bot';
import { chromiumMissing, CHROMIUM, shot, usePlaygroundPage, type PlaygroundPage } from './browser';

const title = chromiumMissing ? `playground Markdown (SKIPPED: ${CHROMIUM} is missing)` : 'playground Markdown';

describe.skipIf(chromiumMissing)(title, () => {
  const s = usePlaygroundPage();
  let t: TestBot, page: Page, errors: string[], p: PlaygroundPage['p'];
  beforeAll(async () => {
    ({ t, page, errors, p } = s);
  });

  it('shows the risk meeting with bold school names and lists, and no raw Markdown', async () => {
    await p.as('tom');
    await p.type('risk open');
    await expect.poll(() => p.messages().innerText()).toContain('is open');
    await p.type('risk meeting');
    const card = page.locator('article.msg.bot').last();
    await expect.poll(() => card.innerText()).toMatch(/Beacon Primary/);
    const text = await card.innerText();
    expect(text).not.toContain('**');
    expect(text).not.toMatch(/^- /m);
    expect(await card.locator('strong', { hasText: 'Beacon Primary' }).count()).toBeGreaterThan(0);
    // Each category with its colour, worst first.
    expect(text).toMatch(/🔴 RED \(1\)[^]*🟠 AMBER \(2\)[^]*🟡 YELLOW \(2\)[^]*🟢 GREEN \(2\)/);
    await shot(page, '30-tom-risk-meeting-markdown');
    expect(errors).toEqual([]);
  });

  it('keeps what a person typed as text: no HTML from a note, only its Markdown', async () => {
    const phonics = t.bot.store.read().isapActions.find((a) => a.title.startsWith('Phonics'))!;
    await t.as('rachel').act('isap.update', { actionId: phonics.id, note: '<img src=x onerror="window.__pwned=1"> <b>not bold</b> **really bold** [a link](javascript:alert(1))' });
    await p.as('rachel');
    await p.type('isap beacon primary');
    const list = p.card('ISAP: Beacon Primary');
    await list.locator('.ac-columnSet', { hasText: 'Phonics' }).getByRole('button', { name: 'Open' }).click();
    const card = p.card('Latest note');
    await expect.poll(() => card.innerText()).toContain('<img src=x onerror="window.__pwned=1">');
    expect(await card.innerText()).toContain('<b>not bold</b>');
    expect(await card.locator('img, b').count()).toBe(0);
    expect(await card.locator('strong', { hasText: 'really bold' }).count()).toBe(1);
    expect(await card.locator('a[href^="javascript"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
  });
});
