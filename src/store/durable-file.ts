// A lowdb adapter whose writes survive kill -9 and power loss: write a temp file, fsync it,
// rename it over the old one, fsync the folder. A reader sees the old file or the new, never half of one.
import { open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { StoreError } from './errors';

export class DurableJsonFile<T> implements Adapter<T> {
  private readonly tmp: string;

  constructor(readonly file: string) {
    this.tmp = path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
  }

  async read(): Promise<T | null> {
    // A temp file left by a crash was never renamed, so it was never acknowledged.
    await rm(this.tmp, { force: true });
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StoreError('STORE_IO', `cannot read ${this.file}: ${(e as Error).message}`, 'Check DATA_DIR and its permissions.');
    }
    try {
      return JSON.parse(text) as T;
    } catch (e) {
      throw new StoreError(
        'STORE_CORRUPT',
        `${this.file} is not valid JSON (${(e as Error).message})`,
        'The bot never writes a partial file, so it was changed from outside: restore it from a backup. It was left as it is.',
      );
    }
  }

  async write(data: T): Promise<void> {
    const text = JSON.stringify(data);
    const fh = await open(this.tmp, 'w');
    try {
      await fh.writeFile(text, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(this.tmp, this.file);
    await syncDir(path.dirname(this.file));
  }
}

export async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
