// Entry point: read the environment, start the bot, stop cleanly on SIGINT/SIGTERM.
import { startBot } from './boot';
import { ConfigError, loadConfig } from './config';
import { StoreError } from './store/errors';

async function main(): Promise<void> {
  const config = loadConfig();
  const bot = await startBot(config);
  console.log(
    `Improvement Bot listening on ${bot.server.url}` +
      (config.localMode ? ` (local mode: open ${bot.server.url}/ for the playground; data in ${config.dataDir})` : ''),
  );
  const stop = async () => {
    await bot.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(`Configuration error: ${e.message}`);
  else if (e instanceof StoreError) console.error(`Store error (${e.code}): ${e.message}. ${e.hint}`);
  else console.error('Start-up failed:', e);
  process.exit(1);
});
