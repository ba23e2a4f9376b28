// Store failures carry a code and a hint for the operator; the data on disk is never touched by a failed load.
export type StoreErrorCode = 'STORE_CORRUPT' | 'STORE_FUTURE_VERSION' | 'STORE_INVALID' | 'STORE_IO' | 'STORE_CLOSED';

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
