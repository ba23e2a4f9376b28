// Entry point: read the environment, start the bot, stop cleanly on SIGINT/SIGTERM.
import { startBot, type Bot } from './boot';
import { ConfigError, loadConfig } from './config';
import { StoreError } from './store/errors';
import { StartupError } from './channels/channel';
import { loadEnvFile } from './env-file';

async function main(): Promise<void> {
  loadEnvFile();
  const config = loadConfig();
  // Listen for the signals before starting: /healthz answers as soon as the server is up, and a stop
  // asked for in that moment must still close the store cleanly (not kill the process mid-write).
  let bot: Bot | undefined;
  let stopAsked = false;
  const stop = async () => {
    stopAsked = true;
    if (!bot) return; // still starting: stopped as soon as it is up
    await bot.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  bot = await startBot(config);
  if (stopAsked) return stop();
  if (!config.teams.appId && config.host !== '127.0.0.1' && config.host !== 'localhost') {
    // Emulator mode trusts whoever can reach the port to say who they are: fine on a laptop, not on a network.
    console.warn(`Warning: MICROSOFT_APP_ID is unset, so /api/messages accepts unauthenticated activities from anyone who can reach ${config.host}:${config.port}. Set the Teams credentials before exposing the bot.`);
  }
  console.log(
    `Improvement Bot listening on ${bot.server.url}` +
      (config.localMode ? ` (local mode: open ${bot.server.url}/ for the playground; data in ${config.dataDir})` : ''),
  );
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(`Configuration error: ${e.message}`);
  else if (e instanceof StoreError) console.error(`Store error (${e.code}): ${e.message}. ${e.hint}`);
  else if (e instanceof StartupError) console.error(`Start-up failed: ${e.message}`);
  else console.error('Start-up failed:', e);
  process.exit(1);
});
