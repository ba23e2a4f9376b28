// Seeds the demo trust into DATA_DIR (read from the environment like the bot) unless a trust is there.
// Usage: DATA_DIR=./data npm run seed:demo
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../src/config';
import { seedDemoTrust } from '../src/seed/demo-trust';
import { openStore } from '../src/store/open';
import { loadOrCreateSecret } from '../src/store/secret';
import { UsageError, runCli } from './cli';

runCli(async () => {
  const config = loadConfig();
  const store = await openStore(config);
  try {
    const before = store.read();
    if (!before.trust && (before.schools.length || before.people.length)) {
      // The demo seed writes a whole trust; it would replace schools or people imported without one.
      throw new UsageError(`${config.dataDir} has ${before.schools.length} school(s) and ${before.people.length} people but no trust: not seeding the demo over them. Use an empty DATA_DIR.`);
    }
    // The demo's survey answers are stored with it, and the bot refuses to start with answers but no
    // survey key (STORE_KEY_MISSING): write the key first, as the bot's own first start does. Only when
    // seeding: a trust already there keeps whatever key it has (or has not), which start-up checks.
    if (!before.trust) await loadOrCreateSecret(config.dataDir);
    const seeded = await seedDemoTrust(store, { now: new Date(), timeZone: config.timeZone, newId: randomUUID, local: config.localMode });
    const d = store.read();
    if (seeded) {
      console.log(
        `Seeded the demo trust "${d.trust!.name}" into ${config.dataDir}: ${d.schools.length} schools, ${d.people.length} people, ` +
          `${d.isapActions.length} ISAP actions, ${d.surveys.length} survey(s), ${d.approvals.length} pending decision(s).`,
      );
    } else {
      console.log(`${config.dataDir} already holds the trust "${d.trust?.name}"; nothing was changed.`);
    }
  } finally {
    await store.close();
  }
});
