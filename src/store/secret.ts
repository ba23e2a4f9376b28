// The survey key: hashes who has answered a survey so one person answers once, without storing who.
// It lives in its own file (mode 600), so the data alone cannot be matched back to people.
// Losing it would let everyone answer open surveys again, so it is written durably and a bad one stops start-up.
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { syncDir, writeDurably } from './durable-file';
import { StoreError } from './errors';

export async function loadOrCreateSecret(dataDir: string, name = 'survey.key'): Promise<Buffer> {
  const file = path.join(dataDir, name);
  const existing = await readKey(file);
  if (existing) return existing;
  await mkdir(dataDir, { recursive: true });
  // Written in full and fsynced under a temp name, then linked into place: the key file is never
  // seen half-written, and link (unlike rename) fails rather than replace a key that appeared meanwhile.
  const key = randomBytes(32);
  const tmp = path.join(dataDir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeDurably(tmp, key.toString('hex') + '\n', 'w', 0o600);
    await link(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return (await readKey(file))!;
  } finally {
    await rm(tmp, { force: true });
  }
  await syncDir(dataDir);
  return key;
}

/** The key in `file`, undefined when there is none; a damaged one stops start-up (STORE_CORRUPT). */
export async function readKey(file: string): Promise<Buffer | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StoreError('STORE_IO', `cannot read ${file}: ${(e as Error).message}`, 'Check DATA_DIR and its permissions.');
  }
  const hex = text.trim();
  if (!/^[0-9a-f]{64}$/.test(hex)) {
    throw new StoreError(
      'STORE_CORRUPT',
      `${file} is not a 32-byte hex key`,
      'Restore it from a backup; a new key would let people answer open surveys twice. It was left as it is.',
    );
  }
  return Buffer.from(hex, 'hex');
}
