// Errors the user can act on: a code for logs and tests, a message and a hint for the card.
export type AppErrorCode =
  | 'NOT_ALLOWED'
  | 'NOT_FOUND'
  | 'BAD_INPUT'
  | 'ALREADY_DONE'
  | 'CONFLICT'
  | 'UNKNOWN_PERSON';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly hint: string = '',
  ) {
    super(message);
    this.name = 'AppError';
  }

  /** Set once the refusal is in the audit log, so the dispatcher does not log it again. */
  audited = false;
}

/** Marks a refusal as already audited by the code that threw it. */
export function audited<E extends AppError>(e: E): E {
  e.audited = true;
  return e;
}

export const notFound = (what: string, hint = 'Check the name and try again.') => new AppError('NOT_FOUND', `${what} was not found.`, hint);
export const badInput = (message: string, hint = 'Open the card again and fill in every field.') => new AppError('BAD_INPUT', message, hint);
export const notAllowed = (message: string, hint = 'Ask your Director of School Improvement if you think you should.') =>
  new AppError('NOT_ALLOWED', message, hint);
