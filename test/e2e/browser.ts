// Real headless Chromium (Debian's, at /usr/bin/chromium) driven by playwright-core, for tests that
// read what a person sees on the page. Each launch gets a fresh profile directory.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startTestBot, type TestBot } from '../helpers/bot';

export const CHROMIUM = '/usr/bin/chromium';
export const chromiumMissing = !existsSync(CHROMIUM);
if (chromiumMissing) {
  console.warn(`[e2e] SKIPPING browser tests: ${CHROMIUM} is missing. Install it (apt-get install chromium) to run them; CI does.`);
}

export const SCREENSHOTS = path.resolve('test-results/screenshots');

export interface Browser {
  context: BrowserContext;
  /** A new tab that records console errors and uncaught page errors. */
  page(viewport?: { width: number; height: number }): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = await mkdtemp(path.join(tmpdir(), 'ibot-chromium-'));
  await mkdir(SCREENSHOTS, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 800 },
  });
  // Fail a step in seconds with what was awaited, well inside the test's own timeout.
  context.setDefaultTimeout(8_000);
  return {
    context,
    async page(viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      return { page, errors };
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });

/** What a person does on the playground page: be someone, type a command, read the conversation. */
export function playground(page: Page) {
  const messages = () => page.locator('#messages');
  return {
    messages,
    async as(personId: string) {
      await page.selectOption('#persona', personId);
      await page.waitForFunction(() => document.querySelector('#conversation-title')?.textContent === 'Chat with Improvement Bot');
    },
    async type(text: string) {
      await page.locator('#text').fill(text);
      await page.keyboard.press('Enter');
    },
    /** Picks `answer` in a card's expanded choice set (radios, or checkboxes for multi-select) labelled `question`. */
    async choose(card: ReturnType<Page['locator']>, question: string | RegExp, answer: string, role: 'radio' | 'checkbox' = 'radio') {
      // The renderer names only the first choice after the question, so find the question's own block.
      const block = card.locator('div', { has: page.getByText(question) }).filter({ has: page.locator('.ac-input-container') }).last();
      await block.getByRole(role, { name: answer, exact: true }).check();
    },
    /** The last card from the bot that contains `text`. */
    card: (text: string) => page.locator('article.msg.bot', { hasText: text }).last(),
  };
}

export interface PlaygroundPage {
  t: TestBot;
  page: Page;
  /** Console errors the page logged. */
  errors: string[];
  p: ReturnType<typeof playground>;
}

/**
 * One bot and one browser page on its playground for a test file: started before its tests, closed
 * after them. Read the fields inside tests (they exist once beforeAll has run).
 */
export function usePlaygroundPage(): PlaygroundPage {
  const s = {} as PlaygroundPage;
  let browser: Browser | undefined;
  beforeAll(async () => {
    s.t = await startTestBot();
    browser = await launchBrowser();
    ({ page: s.page, errors: s.errors } = await browser.page());
    s.p = playground(s.page);
    await s.page.goto(s.t.url + '/');
    await s.page.waitForSelector('#persona option[value="rachel"]', { state: 'attached' });
  });
  afterAll(async () => {
    await browser?.close();
    await s.t?.stop();
  });
  return s;
}
