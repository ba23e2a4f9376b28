// An append-only JSON Lines log. An append writes one line and fsyncs, whatever the log's size;
// appends that arrive together share one fsync. A torn last line (a crash mid-write) was never
// acknowledged, so it is cut off at load; a bad line anywhere else means the file was edited outside.
import { open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import type { z } from 'zod';
import { StoreError } from './errors';

export class AppendLog<T> {
  private records: T[] = [];
  private fh?: FileHandle;
  private pending: { line: string; record: T; done: (err?: Error) => void }[] = [];
  private flushing?: Promise<void>;

  constructor(
    readonly file: string,
    private readonly schema: z.ZodType<T>,
  ) {}

  async load(): Promise<void> {
    let text = '';
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const lastNewline = text.lastIndexOf('\n');
    const complete = lastNewline < 0 ? '' : text.slice(0, lastNewline);
    if (lastNewline < text.length - 1) {
      // A torn tail: drop it so the next append starts on a fresh line.
      await truncate(this.file, Buffer.byteLength(complete) + (lastNewline < 0 ? 0 : 1)).catch(() => undefined);
    }
    this.records = [];
    const lines = complete ? complete.split('\n') : [];
    lines.forEach((line, i) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        throw new StoreError('STORE_CORRUPT', `${this.file} line ${i + 1} is not valid JSON`, 'Restore the file from a backup; it was left as it is.');
      }
      const r = this.schema.safeParse(parsed);
      if (!r.success) {
        throw new StoreError('STORE_INVALID', `${this.file} line ${i + 1}: ${r.error.issues[0]?.message}`, 'Restore the file from a backup; it was left as it is.');
      }
      this.records.push(r.data);
    });
    this.fh = await open(this.file, 'a');
  }

  all(): readonly T[] {
    return this.records;
  }

  /** Resolves once the record is on disk. */
  append(record: T): Promise<void> {
    if (!this.fh) return Promise.reject(new StoreError('STORE_CLOSED', `${this.file} is not open`, 'Open the store first.'));
    const parsed = this.schema.parse(record);
    return new Promise((resolve, reject) => {
      this.pending.push({ line: JSON.stringify(parsed) + '\n', record: parsed, done: (err) => (err ? reject(err) : resolve()) });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    while (this.pending.length) {
      const batch = this.pending.splice(0);
      try {
        await this.fh!.write(batch.map((b) => b.line).join(''));
        await this.fh!.datasync();
        for (const b of batch) this.records.push(b.record);
        batch.forEach((b) => b.done());
      } catch (e) {
        batch.forEach((b) => b.done(new StoreError('STORE_IO', `cannot append to ${this.file}: ${(e as Error).message}`, 'Check disk space.')));
      }
    }
    this.flushing = undefined;
  }

  async close(): Promise<void> {
    await this.flushing;
    await this.fh?.close();
    this.fh = undefined;
  }
}
