// Creates the trust in DATA_DIR, the first step from an empty DATA_DIR to a real trust; the work is in src/store/setup-trust.ts.
// Usage: npm run setup:trust -- --name "<Trust name>" --framework <carter-4|rag-5> [--teams-tenant <id>] [--update]
// Exit code 0: set up (or updated); 1: nothing changed (a trust is already there without --update, or a bad option).
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { PRESETS } from '../src/domain/categories';
import { localDate } from '../src/domain/calendar';
import { SetupError, setupTrust } from '../src/store/setup-trust';
import { openStore } from '../src/store/open';
import { UsageError, runCli } from './cli';

const USAGE = `Usage: npm run setup:trust -- --name "<Trust name>" --framework <${Object.keys(PRESETS).join('|')}> [--teams-tenant <id>] [--update]`;

runCli(async () => {
  let values: { name?: string; framework?: string; 'teams-tenant'?: string; update?: boolean };
  try {
    ({ values } = parseArgs({
      options: { name: { type: 'string' }, framework: { type: 'string' }, 'teams-tenant': { type: 'string' }, update: { type: 'boolean', default: false } },
    }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split('\n')[0]}\n${USAGE}`);
  }
  if (!values.name || !values.framework) throw new UsageError(USAGE);
  const config = loadConfig();
  const store = await openStore(config);
  try {
    const { trust, created } = await setupTrust(store, {
      name: values.name,
      framework: values.framework,
      teamsTenantId: values['teams-tenant'],
      update: values.update,
      today: localDate(new Date(), config.timeZone),
    }).catch((e: unknown) => {
      throw e instanceof SetupError ? new UsageError(e.message) : e;
    });
    const detail = { name: trust.name, framework: trust.framework.id, teamsTenantId: trust.teamsTenantId };
    await store.append('audit', { at: new Date().toISOString(), actorId: 'operator', action: created ? 'trust.setup' : 'trust.update', outcome: 'ok', detail });
    const schools = store.read().schools.length;
    console.log(
      `${created ? 'Set up' : 'Updated'} ${trust.name} in ${config.dataDir}: framework ${trust.framework.name} (${trust.framework.id}), ` +
        `${trust.teamsTenantId ? `Teams tenant ${trust.teamsTenantId}` : 'no Teams tenant'}, ${schools} school(s).`,
    );
    if (created) console.log(`Until you run import:calendar, the bot uses typical ${trust.calendar.year} term dates.`);
  } finally {
    await store.close();
  }
});
