// Shared by the operator scripts: run, and turn the errors an operator can act on into one line and exit code 1.
import { ConfigError } from '../src/config';
import { StoreError } from '../src/store/errors';

export class UsageError extends Error {}

export function runCli(main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    if (e instanceof UsageError) console.error(e.message);
    else if (e instanceof ConfigError) console.error(`Configuration error: ${e.message}`);
    else if (e instanceof StoreError) console.error(`Store error (${e.code}): ${e.message}. ${e.hint}`);
    else console.error('Failed:', e);
    process.exitCode = 1;
  });
}
