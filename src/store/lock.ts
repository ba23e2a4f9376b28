// One process at a time per DATA_DIR. Each process keeps the whole document in memory and writes it
// back whole, so a script run beside the bot (an import, a seed) would be overwritten by the bot's
// next write. The lock turns that silent loss into a clear refusal.
import { open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeDurably } from './durable-file';
import { StoreError } from './errors';

/** Opens in this process per lock file: a second open here shares the lock, the last close frees it. */
const held = new Map<string, number>();

export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = path.join(dataDir, 'db.lock');
  if (!held.has(file)) await acquire(file);
  held.set(file, (held.get(file) ?? 0) + 1);
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    const n = (held.get(file) ?? 1) - 1;
    if (n > 0) return void held.set(file, n);
    held.delete(file);
    await rm(file, { force: true });
  };
}

async function acquire(file: string): Promise<void> {
  const mine = `${process.pid} ${(await startTime(process.pid)) ?? ''}`.trim() + '\n';
  try {
    const fh = await open(file, 'wx');
    await fh.writeFile(mine);
    await fh.close();
    return;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new StoreError('STORE_IO', `cannot create ${file}: ${(e as Error).message}`, 'Check DATA_DIR and its permissions.');
    }
  }
  const [pidText = '', started] = (await readFile(file, 'utf8').catch(() => '')).trim().split(' ');
  const pid = Number(pidText);
  if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && (await isHolder(pid, started))) {
    throw new StoreError(
      'STORE_LOCKED',
      `${path.dirname(file)} is in use by process ${pid}`,
      'Stop the bot (or the other script) first; two processes writing one store would lose each other’s changes.',
    );
  }
  // Left by a process that has gone (a crash, kill -9): take it over.
  const tmp = `${file}.${process.pid}.tmp`;
  await writeDurably(tmp, mine);
  await rename(tmp, file);
}

/** Whether the process that wrote the lock still runs: alive, and (on Linux) started when the lock says, since pids are reused. */
async function isHolder(pid: number, started: string | undefined): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = await startTime(pid);
  return !started || !now || now === started;
}

/** A process's start time in clock ticks since boot, from /proc (Linux); undefined elsewhere. */
async function startTime(pid: number): Promise<string | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in brackets and may hold spaces: starttime is field 22.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
