// The survey key: created once (mode 600), the same on every start, and a damaged one stops start-up.
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { StoreError } from '../../src/store/errors';
import { loadOrCreateSecret } from '../../src/store/secret';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ibot-key-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('creates a 32-byte key readable only by its owner, and returns the same key afterwards', async () => {
  const key = await loadOrCreateSecret(dir);
  expect(key).toHaveLength(32);
  expect((await stat(path.join(dir, 'survey.key'))).mode & 0o777).toBe(0o600);
  expect(await readdir(dir)).toEqual(['survey.key']);
  expect((await loadOrCreateSecret(dir)).equals(key)).toBe(true);
});

it('gives every concurrent caller the same key', async () => {
  const keys = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateSecret(dir)));
  for (const k of keys) expect(k.equals(keys[0]!)).toBe(true);
  expect(await readdir(dir)).toEqual(['survey.key']);
});

it('refuses a damaged key with a StoreError, leaving it as it is rather than making a new one', async () => {
  await writeFile(path.join(dir, 'survey.key'), 'abc\n');
  const err = await loadOrCreateSecret(dir).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(StoreError);
  expect(err).toMatchObject({ code: 'STORE_CORRUPT', message: expect.stringContaining('survey.key'), hint: expect.stringMatching(/answer open surveys twice/) });
  expect(await readFile(path.join(dir, 'survey.key'), 'utf8')).toBe('abc\n');
});
