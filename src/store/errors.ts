// Store failures carry a code and a hint for the operator; the data on disk is never touched by a failed load.
export type StoreErrorCode = 'STORE_CORRUPT' | 'STORE_FUTURE_VERSION' | 'STORE_INVALID' | 'STORE_IO' | 'STORE_CLOSED' | 'STORE_LOCKED' | 'STORE_NOT_MIGRATED' | 'STORE_MISSING' | 'STORE_KEY_MISSING' | 'STORE_UNREACHABLE';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** One zod issue as an operator reads it: where in the record, then what is wrong. */
export function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  return issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}
