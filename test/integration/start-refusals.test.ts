// Start-up refuses what it would otherwise "repair" by accident, in one line and changing nothing:
// the database gone while its survey key remains (the demo would be seeded where a trust was), and
// the survey key gone while answers are stored (everyone could answer open surveys again).
import { readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/store/errors';
import { startTestBot } from '../helpers/bot';

/** A data directory the demo trust was seeded into, with its bot stopped. */
async function usedDataDir(): Promise<string> {
  const first = await startTestBot({ dataDir: undefined });
  const dir = first.dataDir;
  // Keep the directory when the bot stops.
  const keep = `${dir}-kept`;
  await first.bot.stop();
  await rename(dir, keep);
  return keep;
}

async function refusal(dataDir: string): Promise<StoreError> {
  const e = await startTestBot({ dataDir }).then(
    async (t) => {
      await t.stop();
      throw new Error('the bot started');
    },
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(StoreError);
  return e as StoreError;
}

describe('start-up refuses a data directory that lost part of itself', () => {
  it('the database gone, its survey key still there: refused, and nothing created', async () => {
    const dir = await usedDataDir();
    try {
      await rm(path.join(dir, 'pglite'), { recursive: true, force: true });
      const before = (await readdir(dir)).sort();
      const key = await readFile(path.join(dir, 'survey.key'), 'utf8');
      const e = await refusal(dir);
      expect(e.code).toBe('STORE_MISSING');
      expect(e.message).toMatch(/survey\.key is from an earlier run, but the database .* is gone/);
      expect(e.hint).toContain('npm run restore');
      expect((await readdir(dir)).sort()).toEqual(before);
      expect(await readFile(path.join(dir, 'survey.key'), 'utf8')).toBe(key);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the survey key gone while answers are stored: refused, and no new key written', async () => {
    const dir = await usedDataDir();
    try {
      await rm(path.join(dir, 'survey.key'));
      const e = await refusal(dir);
      expect(e.code).toBe('STORE_KEY_MISSING');
      expect(e.message).toMatch(/survey\.key is missing while \d+ survey answers are stored/);
      expect((await readdir(dir)).includes('survey.key')).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a new, empty data directory still starts and gets the demo trust', async () => {
    const t = await startTestBot();
    try {
      expect(t.bot.store.read().trust).toBeTruthy();
    } finally {
      await t.stop();
    }
  });
});
