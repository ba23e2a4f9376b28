// TRUST_FILE at start: the file is checked before anything is opened, and an invalid one stops the bot
// in one line naming the field and the line (trust:check lists every problem). A valid file gives the
// demo its name and framework when local mode seeds an empty store.
import { ConfigError } from '../config';
import type { Framework } from '../domain/categories';
import { formatProblem, readTrustFile } from '../trust-file/read-trust-file';
import { toFramework } from '../trust-file/to-framework';

export interface StartTrust {
  file: string;
  name: string;
  /** Undefined when the file imposes no categories (Skylark, SPT): the demo keeps its own. */
  framework?: Framework;
}

export async function readTrustFileAtStart(file: string): Promise<StartTrust> {
  const result = await readTrustFile(file);
  if (!result.ok) {
    const [first] = result.problems;
    const more = result.problems.length - 1;
    throw new ConfigError(`TRUST_FILE is invalid: ${formatProblem(file, first!)}${more ? ` (and ${more} more: npm run trust:check -- ${file})` : ''}`);
  }
  return { file, name: result.trust.name, framework: toFramework(result.trust) };
}

/** Says at start what the file did not do: a store holding another trust is not changed by it, and a file without a framework keeps the demo's. */
export function noteTrustFile(start: StartTrust, trust: { name: string } | null, seeded: boolean): void {
  if (seeded && !start.framework) console.warn(`${start.file} imposes no categories: the demo keeps its own (Green to Red) until the bot can run without a framework.`);
  if (!seeded && trust && trust.name !== start.name) {
    console.warn(`TRUST_FILE ${start.file} is for ${start.name}, but this DATA_DIR holds ${trust.name}: start-up does not change a trust; apply the file with npm run setup:trust -- ${start.file}.`);
  }
}
