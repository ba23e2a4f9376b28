// One test bot per file, started before its tests and stopped after them.
import { afterAll, beforeAll } from 'vitest';
import { startTestBot, type TestBot } from './bot';

export function useTestBot(opts: Parameters<typeof startTestBot>[0] = {}): TestBot {
  let bot: TestBot | undefined;
  beforeAll(async () => {
    bot = await startTestBot(opts);
  });
  afterAll(() => bot?.stop());
  // Read through to the bot started for this file (it exists only once beforeAll has run).
  return new Proxy({} as TestBot, { get: (_, key) => bot![key as keyof TestBot] });
}
