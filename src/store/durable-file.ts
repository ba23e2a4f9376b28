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
    const got = await this.load();
    return got.found ? (got.value as T) : null;
  }

  /** The parsed file, telling "absent" apart from a file that holds `null`. */
  async load(): Promise<{ found: false } | { found: true; value: unknown }> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { found: false };
      throw new StoreError('STORE_IO', `cannot read ${this.file}: ${(e as Error).message}`, 'Check DATA_DIR and its permissions.');
    }
    try {
      return { found: true, value: JSON.parse(text) as unknown };
    } catch (e) {
      throw new StoreError(
        'STORE_CORRUPT',
        `${this.file} is not valid JSON (${whereJsonBreaks(text, e as Error)})`,
        'The bot never writes a partial file, so it was changed from outside: restore it from a backup. It was left as it is.',
      );
    }
  }

  /** A temp file left by a crash was never renamed, so it was never acknowledged: it goes. */
  async clearTemp(): Promise<void> {
    await rm(this.tmp, { force: true });
  }

  async write(data: T): Promise<void> {
    await writeDurably(this.tmp, JSON.stringify(data));
    await rename(this.tmp, this.file);
    await syncDir(path.dirname(this.file));
  }
}

/** Where a JSON text goes wrong, as a line number: V8's own message may quote the text (personal data, new lines). */
export function whereJsonBreaks(text: string, e: Error): string {
  if (!text.trim()) return 'it is empty';
  if (/end of JSON/i.test(e.message)) return 'it ends too early';
  const pos = /position (\d+)/.exec(e.message);
  return pos ? `it goes wrong on line ${text.slice(0, Number(pos[1])).split('\n').length}` : 'it has an unexpected character';
}

/** Writes a whole file and fsyncs it before returning. */
export async function writeDurably(file: string, text: string | Buffer, flag = 'w', mode = 0o666): Promise<void> {
  const fh = await open(file, flag, mode);
  try {
    await fh.writeFile(text);
    await fh.sync();
  } finally {
    await fh.close();
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
