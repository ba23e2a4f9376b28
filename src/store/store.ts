// What the rest of the bot knows of storage. The lowdb implementation is the embedded default.
import type { Data, LogName, LogRecord } from './schema';

export interface Store {
  /** The committed document. Read it; never mutate it (use transact). */
  read(): Readonly<Data>;
  /**
   * Runs `fn` on a private copy and commits it durably if it returns; a throw leaves nothing changed.
   * Transactions run one at a time, so concurrent writers never lose each other's updates.
   */
  transact<T>(fn: (draft: Data) => T): Promise<T>;
  /** Appends one record to a high-volume log; resolves once it is on disk. */
  append<K extends LogName>(log: K, record: LogRecord<K>): Promise<void>;
  log<K extends LogName>(log: K): readonly LogRecord<K>[];
  close(): Promise<void>;
}
