// What the rest of the bot knows of storage. The SQL store (PGlite embedded, or a PostgreSQL server)
// implements it; the trust's records are a snapshot in memory, the high-volume logs are only queried.
import type { AuditEntry, SurveyResponse } from '../domain';
import type { Data, Delivery, LogName, LogRecord } from './schema';

/** Audit entries matching every field given, oldest first (or the newest `limit` when `newest`). */
export interface AuditQuery {
  action?: string;
  subject?: string;
  actorId?: string;
  outcome?: AuditEntry['outcome'];
  /** ISO instant: entries at or after it. */
  since?: string;
  limit?: number;
  newest?: boolean;
}

export interface DeliveryQuery {
  state?: Delivery['state'];
  id?: string;
}

/** Log records written with a transaction's change: both commit, or neither. */
export interface StagedLogs {
  append<K extends LogName>(log: K, record: LogRecord<K>): void;
}

export interface TransactOptions<T> {
  /** The audit entry of the change, made from the callback's result (none: nothing to audit). */
  audit?: (result: T) => AuditEntry | undefined;
}

export interface Store {
  /** The committed document. Read it; never mutate it (use transact). */
  read(): Readonly<Data>;
  /**
   * Runs `fn` on a draft and commits what it changed durably if it returns; a throw leaves nothing changed.
   * Transactions run one at a time (across processes on one server too), so concurrent writers never lose each other's updates.
   * Log records `fn` stages, and the entry `opts.audit` makes of its result, commit in the same transaction as the change.
   */
  transact<T>(fn: (draft: Data, logs: StagedLogs) => T, opts?: TransactOptions<T>): Promise<T>;
  /**
   * Runs a command's work so that its de-duplication key is recorded in the same commit as the first
   * change it makes (a retry then finds the key, or finds nothing changed). Without a change, nothing is recorded.
   */
  withDedupeKey<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /** Appends one record to a high-volume log; resolves once it is durable. */
  append<K extends LogName>(log: K, record: LogRecord<K>): Promise<void>;
  audit(q?: AuditQuery): Promise<AuditEntry[]>;
  /** One survey's responses, in the order given. */
  surveyResponses(surveyId: string): Promise<SurveyResponse[]>;
  /** Responses per survey, then per school: small, kept current in memory so digests stay synchronous. */
  responseCounts(): ReadonlyMap<string, Readonly<Record<string, number>>>;
  /** Delivery records (one per state a send went through), oldest first. */
  deliveries(q?: DeliveryQuery): Promise<Delivery[]>;
  /** The sends whose latest record is 'queued': a restart finishes them. */
  unfinishedDeliveries(): Promise<Delivery[]>;
  /**
   * Claims for this instance the sends no live instance holds (queued by a process that died, or whose
   * lease ran out), so that each is finished by exactly one instance.
   */
  claimAbandonedDeliveries(): Promise<Delivery[]>;
  /** Renews this instance's claim on a send before an attempt: false when another instance holds it or it is finished. */
  holdDelivery(id: string): Promise<boolean>;
  /** Which of these journal ids have been queued as deliveries. */
  queuedJournalIds(ids: readonly string[]): Promise<Set<string>>;
  /** Catches up with changes other instances committed (a no-op when nothing changed). */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

export type { LogName, LogRecord };
