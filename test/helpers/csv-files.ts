// Import files for the script tests, made from the samples in test/fixtures by leaving out or changing lines.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A copy of `sample` in `dir` without the given (1-based) lines, and with `extra` lines appended. */
export async function csvFrom(sample: string, dir: string, opts: { without?: number[]; extra?: string[] } = {}): Promise<string> {
  const lines = (await readFile(sample, 'utf8')).trimEnd().split('\n');
  const kept = lines.filter((_, i) => !opts.without?.includes(i + 1));
  const file = path.join(dir, `${path.basename(sample, '.csv')}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.csv`);
  await writeFile(file, [...kept, ...(opts.extra ?? [])].join('\n') + '\n');
  return file;
}

/** The sample extract's four bad rows (lines 8–11): a bad URN, a short row, an unknown phase, a bad LA code and no name. */
export const GIAS_BAD_LINES = [8, 9, 10, 11];
/** The people sample's four bad rows (lines 9–12): a bad email, an unknown role, a headteacher without a school, a school not of the trust. */
export const PEOPLE_BAD_LINES = [9, 10, 11, 12];
