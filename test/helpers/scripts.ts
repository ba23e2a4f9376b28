// Runs an operator script as an operator does (tsx scripts/…, DATA_DIR from the environment), in temporary DATA_DIRs.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pgliteTemplate } from './sql-store';

const TSX = path.resolve('node_modules/.bin/tsx');

export interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runScript(script: string, args: string[], dataDir: string, env: Record<string, string> = {}): Promise<ScriptRun> {
  const template = await pgliteTemplate();
  return new Promise((resolve) => {
    execFile(TSX, [script, ...args], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, PGLITE_TEMPLATE: template, ...env } }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Temporary directories, removed by `cleanup()` (call it in afterEach). */
export function tempDirs(prefix = 'ibot-scripts-') {
  const dirs: string[] = [];
  return {
    async make(): Promise<string> {
      const d = await mkdtemp(path.join(tmpdir(), prefix));
      dirs.push(d);
      return d;
    },
    async cleanup(): Promise<void> {
      for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
    },
  };
}
