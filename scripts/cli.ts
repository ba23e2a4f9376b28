// Shared by the operator scripts: run, and turn the errors an operator can act on into one line and exit code 1.
import { readFile } from 'node:fs/promises';
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

/** The one file an import reads, its only positional argument; a file it cannot read is a usage error. */
export async function readInputFile(positionals: string[], usage: string): Promise<{ file: string; input: Buffer }> {
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError(usage);
  try {
    return { file, input: await readFile(file) };
  } catch (e) {
    throw new UsageError(`Cannot read ${file}: ${(e as Error).message}`);
  }
}
