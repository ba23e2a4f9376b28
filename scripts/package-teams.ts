// Builds the Teams app package: manifests/teams/manifest.json with its {{PLACEHOLDERS}} filled from
// the environment, plus the two icons, zipped at the root as Teams expects.
//   MICROSOFT_APP_ID=… BOT_DOMAIN=bot.example.org npm run package:teams   → dist/improvement-bot-teams.zip
//   npm run package:teams -- --icons                                     → redraws the icons
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { zipSync } from 'fflate';
import { loadEnvFile } from '../src/env-file';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const MANIFEST_DIR = path.join(ROOT, 'manifests/teams');
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

export class PackageError extends Error {}

/** The values the manifest's placeholders take, checked: one clear line for what is wrong. */
export function manifestValues(env: NodeJS.ProcessEnv): Record<string, string> {
  const appId = env.MICROSOFT_APP_ID?.trim();
  if (!appId || !GUID.test(appId)) throw new PackageError('MICROSOFT_APP_ID is missing or not a GUID: use the Azure Bot\'s Microsoft App ID');
  const teamsAppId = env.TEAMS_APP_ID?.trim() || appId;
  if (!GUID.test(teamsAppId)) throw new PackageError('TEAMS_APP_ID is not a GUID');
  const domain = env.BOT_DOMAIN?.trim().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  if (!domain) throw new PackageError('BOT_DOMAIN is missing: the host name the bot is reached on, e.g. improvement-bot.your-trust.org.uk');
  const website = env.TEAMS_WEBSITE_URL?.trim() || `https://${domain}/`;
  for (const [name, value] of [['TEAMS_WEBSITE_URL', website], ['TEAMS_PRIVACY_URL', env.TEAMS_PRIVACY_URL], ['TEAMS_TERMS_URL', env.TEAMS_TERMS_URL]] as const) {
    if (value && !/^https:\/\//.test(value)) throw new PackageError(`${name} must be an https:// address`);
  }
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  return {
    VERSION: pkg.version,
    TEAMS_APP_ID: teamsAppId,
    MICROSOFT_APP_ID: appId,
    BOT_DOMAIN: domain,
    TEAMS_DEVELOPER_NAME: (env.TEAMS_DEVELOPER_NAME?.trim() || 'Improvement Bot').slice(0, 32),
    TEAMS_WEBSITE_URL: website,
    TEAMS_PRIVACY_URL: env.TEAMS_PRIVACY_URL?.trim() || website,
    TEAMS_TERMS_URL: env.TEAMS_TERMS_URL?.trim() || website,
  };
}

/** The manifest with every placeholder filled (a placeholder without a value is an error). */
export function buildManifest(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const values = manifestValues(env);
  const template = readFileSync(path.join(MANIFEST_DIR, 'manifest.json'), 'utf8');
  const filled = template.replace(/\{\{([A-Z_]+)\}\}/g, (_m, name: string) => {
    const v = values[name];
    if (v === undefined) throw new PackageError(`manifest.json uses {{${name}}}, which has no value`);
    return JSON.stringify(v).slice(1, -1);
  });
  return JSON.parse(filled) as Record<string, unknown>;
}

export function packageTeamsApp(env: NodeJS.ProcessEnv, outFile: string): string {
  const manifest = buildManifest(env);
  const zip = zipSync({
    'manifest.json': new TextEncoder().encode(JSON.stringify(manifest, null, 2)),
    'color.png': readFileSync(path.join(MANIFEST_DIR, 'color.png')),
    'outline.png': readFileSync(path.join(MANIFEST_DIR, 'outline.png')),
  });
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, zip);
  return outFile;
}

async function main(): Promise<void> {
  if (process.argv.includes('--icons')) {
    const { drawIcons } = await import('./teams-icons');
    drawIcons(MANIFEST_DIR);
    console.log(`Icons written to ${path.relative(process.cwd(), MANIFEST_DIR)}/`);
    return;
  }
  loadEnvFile();
  const out = packageTeamsApp(process.env, path.join(ROOT, 'dist/improvement-bot-teams.zip'));
  console.log(`Teams app package: ${path.relative(process.cwd(), out)} (upload it in Teams: Apps → Manage your apps → Upload an app)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof PackageError ? `Cannot package the Teams app: ${e.message}` : e);
    process.exit(1);
  });
}
