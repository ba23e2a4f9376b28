// One process per DATA_DIR: a second process is refused while the first runs, and a lock left by
// a killed process is taken over.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openLowdbStore } from '../../src/store/lowdb-store';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('refuses a second process while the first holds DATA_DIR, and takes over once it is killed', async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ibot-lock-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/store-writer.ts', dir, 'holder'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((r) => child.on('exit', r));
  await new Promise<void>((resolve) => child.stdout.on('data', (b: Buffer) => b.toString().includes('ready') && resolve()));

  const db = await readFile(path.join(dir, 'db.json'));
  const refused = await openLowdbStore(dir).catch((e: unknown) => e);
  expect(refused).toMatchObject({ code: 'STORE_LOCKED', message: `${dir} is in use by process ${child.pid}`, hint: expect.stringMatching(/^Stop the bot/) });
  expect((await readFile(path.join(dir, 'db.lock'), 'utf8')).split(' ')[0]).toBe(String(child.pid));

  child.kill('SIGKILL');
  await exited;
  const store = await openLowdbStore(dir);
  expect((await readFile(path.join(dir, 'db.lock'), 'utf8')).split(' ')[0]).toBe(String(process.pid));
  // A second open in the same process shares the lock; the last close frees it.
  const same = await openLowdbStore(dir);
  await same.close();
  expect(await readdir(dir)).toContain('db.lock');
  await store.close();
  expect(await readdir(dir)).not.toContain('db.lock');
  expect(db.length).toBeGreaterThan(0);
});

it('takes over a lock whose process id now belongs to another, later process', async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ibot-lock-'));
  // The parent of this test runs, but did not write this lock: its start time differs.
  await writeFile(path.join(dir, 'db.lock'), `${process.ppid} 1\n`);
  const store = await openLowdbStore(dir);
  await store.close();
  // Without a start time (another OS), a live process id is trusted.
  await writeFile(path.join(dir, 'db.lock'), `${process.ppid}\n`);
  await expect(openLowdbStore(dir)).rejects.toMatchObject({ code: 'STORE_LOCKED' });
});
