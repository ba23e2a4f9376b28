// One process per DATA_DIR: a second process is refused while the first runs, and a lock left by
// a killed process is taken over.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { openStoreAt, pgliteTemplate } from '../helpers/sql-store';

// Each script run starts the embedded database in a new process: seconds apiece on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

let dir: string | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  // A writer left running by a failed test would write forever.
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('refuses a second process while the first holds DATA_DIR, and takes over once it is killed', async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ibot-lock-'));
  const holder = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/store-writer.ts', dir, 'holder', 'pglite', await pgliteTemplate()], { stdio: ['ignore', 'pipe', 'inherit'] });
  child = holder;
  const exited = new Promise((r) => holder.on('exit', r));
  await new Promise<void>((resolve) => holder.stdout.on('data', (b: Buffer) => b.toString().includes('ready') && resolve()));

  const refused = await openStoreAt(dir).catch((e: unknown) => e);
  expect(refused).toMatchObject({ code: 'STORE_LOCKED', message: `${dir} is in use by process ${holder.pid}`, hint: expect.stringMatching(/^Stop the bot/) });
  expect((await readFile(path.join(dir, 'db.lock'), 'utf8')).split(' ')[0]).toBe(String(holder.pid));

  holder.kill('SIGKILL');
  await exited;
  const store = await openStoreAt(dir);
  expect((await readFile(path.join(dir, 'db.lock'), 'utf8')).split(' ')[0]).toBe(String(process.pid));
  // Not twice in one process either: two engines on one data directory would corrupt it.
  await expect(openStoreAt(dir)).rejects.toMatchObject({ code: 'STORE_LOCKED', message: expect.stringContaining('already open in this process') });
  expect(await readdir(dir)).toContain('db.lock');
  await store.close();
  expect(await readdir(dir)).not.toContain('db.lock');
  expect(await readdir(path.join(dir, 'pglite'))).toContain('PG_VERSION');
});

it('takes over a lock whose process id now belongs to another, later process', async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ibot-lock-'));
  // The parent of this test runs, but did not write this lock: its start time differs.
  await writeFile(path.join(dir, 'db.lock'), `${process.ppid} 1\n`);
  const store = await openStoreAt(dir);
  await store.close();
  // Without a start time (another OS), a live process id is trusted.
  await writeFile(path.join(dir, 'db.lock'), `${process.ppid}\n`);
  await expect(openStoreAt(dir)).rejects.toMatchObject({ code: 'STORE_LOCKED' });
});
