// Backups of either engine. Embedded: PGlite's own dump of its data directory (a tarball), restored
// into an empty DATA_DIR. Server: PostgreSQL's pg_dump / pg_restore, the tools made for it.
import { execFile } from 'node:child_process';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { StoreError } from '../errors';
import { lockDataDir } from '../lock';
import { pgliteDir } from '../sql-store';
import { redact } from './engine';

const run = promisify(execFile);

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

export async function backup(opts: { dataDir: string; databaseUrl?: string; schema?: string; file: string }): Promise<void> {
  if (opts.databaseUrl) {
    // One trust's schema when several share the server (DATABASE_SCHEMA), else the whole database.
    const only = opts.schema ? [`--schema=${opts.schema}`] : [];
    await tool('pg_dump', ['--format=custom', '--no-owner', ...only, `--file=${opts.file}`, opts.databaseUrl], opts.databaseUrl);
    return;
  }
  const dir = pgliteDir(opts.dataDir);
  if (!(await exists(dir))) throw new StoreError('STORE_IO', `${opts.dataDir} has no embedded database to back up`, 'Check DATA_DIR.');
  const unlock = await lockDataDir(opts.dataDir); // the bot must be stopped: one process per data directory
  try {
    const db = await PGlite.create(dir);
    const tarball = await db.dumpDataDir('gzip');
    await db.close();
    await writeFile(opts.file, Buffer.from(await tarball.arrayBuffer()), { flag: 'wx' });
  } finally {
    await unlock();
  }
}

export async function restore(opts: { dataDir: string; databaseUrl?: string; file: string }): Promise<void> {
  if (!(await exists(opts.file))) throw new StoreError('STORE_IO', `${opts.file} does not exist`, 'Name a file made by npm run backup.');
  if (opts.databaseUrl) {
    // Into an empty database: --exit-on-error stops at the first clash rather than mixing two data sets.
    await tool('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${opts.databaseUrl}`, opts.file], opts.databaseUrl);
    return;
  }
  const dir = pgliteDir(opts.dataDir);
  if (await exists(dir)) throw new StoreError('STORE_IO', `${dir} already holds a database`, 'Restore into an empty DATA_DIR (move the old one aside first).');
  await mkdir(opts.dataDir, { recursive: true });
  const unlock = await lockDataDir(opts.dataDir);
  try {
    const db = await PGlite.create({ dataDir: dir, loadDataDir: new Blob([await readFile(opts.file)]) });
    await db.query('select 1');
    await db.close();
  } finally {
    await unlock();
  }
}

async function tool(cmd: string, args: string[], url: string): Promise<void> {
  try {
    await run(cmd, args);
  } catch (e) {
    const err = e as { code?: string; stderr?: string; message: string };
    if (err.code === 'ENOENT') throw new StoreError('STORE_IO', `${cmd} is not installed`, 'Install the PostgreSQL client tools (the same major version as the server).');
    throw new StoreError('STORE_IO', `${cmd} failed for ${redact(url)}: ${(err.stderr ?? err.message).trim().split('\n')[0]}`, 'Nothing was changed by this command; check the server and the file.');
  }
}
