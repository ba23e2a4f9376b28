// An append-only JSON Lines log. An append writes one line and fsyncs, whatever the log's size;
// appends that arrive together share one fsync. A torn last line (a crash mid-write) was never
// acknowledged, so it is cut off at load; a bad line anywhere else means the file was edited outside.
import { open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { syncDir } from './durable-file';
import { StoreError, describeIssue } from './errors';

const RESTORE = 'Restore the file from a backup; it was left as it is.';

export class AppendLog<T> {
  private records: T[] = [];
  private fh?: FileHandle;
  private pending: { line: string; record: T; done: (err?: Error) => void }[] = [];
  private flushing?: Promise<void>;
  /** Set when a write failed part-way: the file's tail is unknown, so no more appends until a reload. */
  private broken?: StoreError;

  constructor(
    readonly file: string,
    private readonly schema: z.ZodType<T>,
  ) {}

  private checked?: { records: T[]; existed: boolean; tornAt?: number };

  /** Reads and validates the whole log without changing anything on disk. */
  async check(): Promise<void> {
    let text = '';
    let existed = true;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new StoreError('STORE_IO', `cannot read ${this.file}: ${(e as Error).message}`, 'Check DATA_DIR and its permissions.');
      }
      existed = false;
    }
    const lastNewline = text.lastIndexOf('\n');
    const complete = text.slice(0, lastNewline + 1);
    // Check every complete line before touching the file, so a bad file is left exactly as it was.
    const records: T[] = [];
    complete
      .split('\n')
      .slice(0, -1)
      .forEach((line, i) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          throw new StoreError('STORE_CORRUPT', `${this.file} line ${i + 1} is not valid JSON`, RESTORE);
        }
        const r = this.schema.safeParse(parsed);
        if (!r.success) {
          throw new StoreError('STORE_INVALID', `${this.file} line ${i + 1}: ${describeIssue(r.error.issues[0]!)}`, RESTORE);
        }
        records.push(r.data);
      });
    this.checked = { records, existed, tornAt: complete.length < text.length ? Buffer.byteLength(complete) : undefined };
  }

  /** Every complete record, validated, without changing anything on disk (a torn last line is left out). */
  async readOnly(): Promise<T[]> {
    await this.check();
    const { records } = this.checked!;
    this.checked = undefined;
    return records;
  }

  /** Checks (unless already checked), cuts a torn tail and opens the log for appending. */
  async load(): Promise<void> {
    if (!this.checked) await this.check();
    const { records, existed, tornAt } = this.checked!;
    this.checked = undefined;
    if (tornAt !== undefined) {
      // A torn tail: drop it so the next append starts on a fresh line.
      try {
        await truncate(this.file, tornAt);
      } catch (e) {
        throw new StoreError('STORE_IO', `cannot cut the unfinished last line of ${this.file}: ${(e as Error).message}`, 'Check DATA_DIR and its permissions.');
      }
    }
    this.records = records;
    this.broken = undefined;
    this.fh = await open(this.file, 'a');
    // A new file's name must be durable too, or a power cut could lose the whole log.
    if (!existed) await syncDir(path.dirname(this.file));
  }

  all(): readonly T[] {
    return this.records;
  }

  /** Resolves once the record is on disk. */
  append(record: T): Promise<void> {
    if (!this.fh) return Promise.reject(new StoreError('STORE_CLOSED', `${this.file} is not open`, 'Open the store first.'));
    if (this.broken) return Promise.reject(this.broken);
    const r = this.schema.safeParse(record);
    if (!r.success) {
      return Promise.reject(new StoreError('STORE_INVALID', `a record for ${this.file}: ${describeIssue(r.error.issues[0]!)}`, 'Nothing was written.'));
    }
    return new Promise((resolve, reject) => {
      this.pending.push({ line: JSON.stringify(r.data) + '\n', record: r.data, done: (err) => (err ? reject(err) : resolve()) });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    while (this.pending.length) {
      const batch = this.pending.splice(0);
      try {
        if (this.broken) throw this.broken;
        await this.fh!.write(batch.map((b) => b.line).join(''));
        await this.fh!.datasync();
        for (const b of batch) this.records.push(b.record);
        batch.forEach((b) => b.done());
      } catch (e) {
        this.broken ??= new StoreError('STORE_IO', `cannot append to ${this.file}: ${(e as Error).message}`, 'Check disk space, then restart the bot.');
        batch.forEach((b) => b.done(this.broken));
      }
    }
    this.flushing = undefined;
  }

  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
    await this.fh?.close();
    this.fh = undefined;
  }
}
