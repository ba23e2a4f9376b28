// Writes a generated trust of N schools into DATA_DIR (read from the environment like the bot), for
// trying the bot at the size of a large trust. Refuses (exit 2) a DATA_DIR that already holds data.
// Usage: DATA_DIR=data/big npm run seed:synthetic -- --schools 1000 [--seed 42]
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { generateSyntheticTrust, occupied, writeSyntheticTrust } from '../src/seed/synthetic-trust';
import { openStore } from '../src/store/open';
import { loadOrCreateSecret } from '../src/store/secret';
import { UsageError, runCli } from './cli';

const USAGE = 'Usage: npm run seed:synthetic -- --schools N [--seed S]   (N from 2 to 5000; DATA_DIR must be empty)';

runCli(async () => {
  let values: { schools?: string; seed?: string };
  try {
    ({ values } = parseArgs({ options: { schools: { type: 'string' }, seed: { type: 'string', default: '1' } } }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${USAGE}`);
  }
  const schools = Number(values.schools);
  const seed = Number(values.seed);
  if (!Number.isInteger(schools) || schools < 2 || schools > 5000) throw new UsageError(USAGE);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed must be a whole number. ${USAGE}`);

  const config = loadConfig();
  const t0 = performance.now();
  const store = await openStore(config);
  try {
    const why = occupied(store);
    if (why) {
      // Exit 2, as the imports do for input they will not use: the data there is left exactly as it was.
      console.error(`${config.dataDir}: ${why}; not writing a synthetic trust over it. Use an empty DATA_DIR.`);
      process.exitCode = 2;
      return;
    }
    // The responder hashes are keyed with this DATA_DIR's survey key, so the bot sees who has answered.
    const surveyKey = await loadOrCreateSecret(config.dataDir);
    const trust = generateSyntheticTrust({ schools, seed, now: new Date(), timeZone: config.timeZone, surveyKey, local: config.localMode });
    const generated = performance.now();
    await writeSyntheticTrust(store, trust);
    const d = store.read();
    const seconds = (ms: number) => (ms / 1000).toFixed(1);
    console.log(
      `Wrote "${d.trust!.name}" into ${config.dataDir} in ${seconds(performance.now() - t0)} s (generated in ${seconds(generated - t0)} s): ` +
        `${d.schools.length} schools, ${d.people.length} people, ${d.isapActions.length} ISAP actions, ${d.surveys.length} surveys with ` +
        `${trust.surveyResponses.length} responses, ${d.approvals.length} pending decisions. Seed ${seed}.`,
    );
  } finally {
    await store.close();
  }
});
