// Creates the trust in DATA_DIR, the first step from an empty DATA_DIR to a real trust, or applies a trust
// file to it; the work is in src/store/setup-trust.ts.
// Usage: npm run setup:trust -- <trust file> [--dry-run]
//        npm run setup:trust -- --name "<Trust name>" --framework <carter-4|rag-5> [--teams-tenant <id>] [--update]
// Exit code 0: set up (or updated, or a dry run printed); 1: nothing changed (an invalid file, schools a
// file would strand, a trust already there without --update, or a bad option).
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../src/config';
import { PRESETS } from '../src/domain/categories';
import { localDate } from '../src/domain/calendar';
import { SetupError, applyTrustFile, planTrustFile, setupTrust } from '../src/store/setup-trust';
import { openStore } from '../src/store/open';
import { formatProblem, readTrustFile } from '../src/trust-file/read-trust-file';
import { UsageError, runCli } from './cli';

const USAGE =
  `Usage: npm run setup:trust -- --name "<Trust name>" --framework <${Object.keys(PRESETS).join('|')}> [--teams-tenant <id>] [--update]\n` +
  `   or: npm run setup:trust -- <trust file> [--dry-run]`;

const asUsage = (e: unknown) => {
  throw e instanceof SetupError ? new UsageError(e.message) : e;
};

runCli(async () => {
  let values: { name?: string; framework?: string; 'teams-tenant'?: string; update?: boolean; 'dry-run'?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        framework: { type: 'string' },
        'teams-tenant': { type: 'string' },
        update: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split('\n')[0]}\n${USAGE}`);
  }
  if (positionals.length) {
    if (positionals.length > 1 || values.name || values.framework || values['teams-tenant'] || values.update) throw new UsageError(USAGE);
    return fromFile(positionals[0]!, values['dry-run'] ?? false);
  }
  if (!values.name || !values.framework || values['dry-run']) throw new UsageError(USAGE);
  const config = loadConfig();
  const store = await openStore(config);
  try {
    const { trust, created } = await setupTrust(store, {
      name: values.name,
      framework: values.framework,
      teamsTenantId: values['teams-tenant'],
      update: values.update,
      today: localDate(new Date(), config.timeZone),
    }).catch(asUsage);
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

/** Checks the file as trust:check does (its problems, exit 1, nothing opened), then prints and applies what changes. */
async function fromFile(file: string, dryRun: boolean): Promise<void> {
  const result = await readTrustFile(file);
  if (!result.ok) {
    for (const p of result.problems) console.error(formatProblem(file, p));
    if (result.pending) console.error(result.pending);
    throw new UsageError(`${file}: ${result.problems.length} problem${result.problems.length > 1 ? 's' : ''}; nothing was changed. The format is in docs/trust-file.md.`);
  }
  const config: Config = loadConfig();
  const store = await openStore(config);
  try {
    const setup = { file, trust: result.trust, today: localDate(new Date(), config.timeZone) };
    if (dryRun) {
      const plan = (() => {
        try {
          return planTrustFile(store.read(), setup);
        } catch (e) {
          return asUsage(e);
        }
      })();
      console.log(`Dry run: applying ${file} to ${config.dataDir} would ${plan.created ? 'set up' : 'change'}:`);
      for (const l of plan.lines) console.log(l);
      console.log('Nothing was written.');
      return;
    }
    const plan = await applyTrustFile(store, setup).catch(asUsage);
    console.log(`${plan.created ? 'Set up' : 'Updated'} ${plan.name} in ${config.dataDir} from ${file}:`);
    for (const l of plan.lines) console.log(l);
  } finally {
    await store.close();
  }
}
