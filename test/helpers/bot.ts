// Starts the whole bot for a test: real store in a temporary DATA_DIR, real HTTP server on a free
// port, the demo trust seeded, a fixed clock the test can move.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command, Outcome } from '../../src/app/command';
import { startBot, type Bot, type BootOptions } from '../../src/boot';
import { loadConfig } from '../../src/config';
import { renderCard } from '../../src/cards/render';
import { pgliteTemplate } from './sql-store';

export interface TestBot {
  bot: Bot;
  dataDir: string;
  url: string;
  clock: { now: Date; set(iso: string): void };
  /** Act as a demo person (by id: amira, tom, rachel, sam, jo, helen, …). */
  as(personId: string): Persona;
  stop(): Promise<void>;
}

export interface Persona {
  say(text: string, conversationKey?: string): Promise<Outcome>;
  act(verb: string, data?: Record<string, unknown>, conversationKey?: string): Promise<Outcome>;
}

/** A Wednesday in the autumn 2 half term, 10:00 in London. */
export const DEFAULT_NOW = '2026-11-18T10:00:00Z';

export async function startTestBot(
  opts: { env?: Record<string, string>; now?: string; boot?: BootOptions; dataDir?: string } = {},
): Promise<TestBot> {
  const dataDir = opts.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'ibot-')));
  // A new embedded database is copied from a migrated template: initialising one takes seconds.
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'test', PGLITE_TEMPLATE: await pgliteTemplate(), ...opts.env });
  const clock = {
    now: new Date(opts.now ?? DEFAULT_NOW),
    set(iso: string) {
      this.now = new Date(iso);
    },
  };
  const bot = await startBot(config, { now: () => clock.now, seedDemo: true, scheduler: false, ...opts.boot });
  const as = (personId: string): Persona => {
    const base = (name: string, args: string[], data?: Record<string, unknown>, key?: string): Command => ({
      actor: { platform: 'local', userId: personId },
      name,
      args,
      data,
      where: { platform: 'local', conversationKey: key ?? `local:person:${personId}`, kind: key?.startsWith('local:channel:') ? 'channel' : 'personal' },
    });
    return {
      say: (text, key) => {
        const [name = '', ...args] = text.trim().split(/\s+/);
        return bot.handle(base(name, args, undefined, key));
      },
      act: (verb, data = {}, key) => bot.handle(base(verb, [], data, key)),
    };
  };
  return {
    bot,
    dataDir,
    url: bot.server.url,
    clock,
    as,
    async stop() {
      await bot.stop();
      if (!opts.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every piece of text a person would read on the card of a view, joined with newlines. */
export function cardText(view: { card: string; data: Record<string, unknown> }): string {
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    for (const k of ['text', 'title', 'value', 'label', 'placeholder']) if (typeof o[k] === 'string') out.push(o[k] as string);
    Object.values(o).forEach(walk);
  };
  walk(renderCard(view));
  return withoutMarkers(out.join('\n'));
}

/**
 * Text as words: the category colour markers (🔴 RED, ❗ URGENT ACTION) taken out, so that a test of
 * what a card says reads "Beacon Primary: AMBER". test/integration/category-colours.test.ts checks
 * that the markers are there.
 */
export function withoutMarkers(text: string): string {
  return text.replace(/(?:🟢|🟡|🟠|🔴|🔵|🟣|⚪|❗) /gu, '');
}

/** The text of the first reply of an outcome. */
export function replyText(o: Outcome): string {
  const r = o.replies[0];
  if (!r) throw new Error('no reply');
  return cardText(r);
}
