// What start-up refuses rather than repair by accident: a data directory whose database is gone
// while its survey key remains (starting would seed the demo trust over a real trust's absence), and
// a survey key gone while answers are stored (a new key would let everyone answer open surveys
// again). One line each, and nothing on disk is changed; docs/operations.md says how to recover.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { StoreError } from './errors';
import { readKey } from './secret';
import { pgliteDir } from './sql-store';
import type { Store } from './store';

export const SURVEY_KEY_FILE = 'survey.key';

const exists = (file: string) => stat(file).then(() => true, () => false);

const missingStore = (keyFile: string, what: string) =>
  new StoreError(
    'STORE_MISSING',
    `${keyFile} is from an earlier run, but ${what}`,
    'Restore the database from your backup (npm run restore, see docs/operations.md); to start afresh on purpose, move survey.key out of DATA_DIR first. Nothing was changed.',
  );

/** Before the embedded store is opened (opening would create it): its directory gone, its key left. */
export async function checkBeforeOpen(dataDir: string, embedded: boolean): Promise<void> {
  const keyFile = path.join(dataDir, SURVEY_KEY_FILE);
  // A damaged key is said as that first (STORE_CORRUPT), whatever else is missing.
  const key = await readKey(keyFile);
  if (embedded && key && !(await exists(pgliteDir(dataDir)))) {
    throw missingStore(keyFile, `the database (${pgliteDir(dataDir)}) is gone`);
  }
}

/** Once open: a database that holds nothing beside a key, or answers without their key. */
export async function checkDataDirIntact(store: Store, dataDir: string): Promise<void> {
  const keyFile = path.join(dataDir, SURVEY_KEY_FILE);
  const hasKey = await exists(keyFile);
  const data = store.read();
  const empty = !data.trust && data.schools.length === 0 && data.people.length === 0;
  if (hasKey && empty) throw missingStore(keyFile, 'the database holds no trust, schools or people');
  const answers = [...store.responseCounts().values()].reduce((n, bySchool) => n + Object.values(bySchool).reduce((a, b) => a + b, 0), 0);
  if (!hasKey && answers > 0) {
    throw new StoreError(
      'STORE_KEY_MISSING',
      `${keyFile} is missing while ${answers} survey answer${answers === 1 ? ' is' : 's are'} stored`,
      'Restore survey.key from your backup (docs/operations.md): a new key would let everyone answer open surveys again. Nothing was changed.',
    );
  }
}
