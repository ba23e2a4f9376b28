// Reads `.env` from the working folder, if there is one, into the environment before config is
// checked. Variables already set (by the shell, systemd, a container) win over the file.
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

export function loadEnvFile(file = '.env', env: NodeJS.ProcessEnv = process.env): string[] {
  if (!existsSync(file)) return [];
  const values = parseEnv(readFileSync(file, 'utf8')) as Record<string, string>;
  const set = Object.keys(values).filter((k) => env[k] === undefined);
  for (const k of set) env[k] = values[k];
  return set;
}
