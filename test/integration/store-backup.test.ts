// npm run backup / npm run restore on each engine: a store backed up, restored elsewhere, the same.
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSqlStore } from '../../src/store/sql-store';
import { runScript, tempDirs } from '../helpers/scripts';
import { ENGINES, TEST_DATABASE_URL, freshSchema, openStoreAt } from '../helpers/sql-store';

vi.setConfig({ testTimeout: 300_000 });
const temp = tempDirs('ibot-backup-');
afterEach(() => temp.cleanup());
const at = '2026-11-18T10:00:00.000Z';

describe.each(ENGINES)('on %s', (engine) => {
  it('restores what was backed up, and refuses to restore over data', async () => {
    const [from, to, files] = [await temp.make(), await temp.make(), await temp.make()];
    const file = path.join(files, 'store.backup');
    const admin = engine === 'postgres' ? new pg.Client({ connectionString: TEST_DATABASE_URL }) : undefined;
    const dbs = engine === 'postgres' ? [freshSchema('bk'), freshSchema('rs')] : [];
    const urlOf = (db: string) => Object.assign(new URL(TEST_DATABASE_URL!), { pathname: `/${db}` }).toString();
    const env = (i: number): Record<string, string> => (engine === 'postgres' ? { DATABASE_URL: urlOf(dbs[i]!) } : {});
    const open = (i: number, dir: string) => (engine === 'postgres' ? openSqlStore({ dataDir: dir, databaseUrl: urlOf(dbs[i]!) }) : openStoreAt(dir));
    try {
      if (admin) {
        await admin.connect();
        for (const db of dbs) await admin.query(`create database ${db}`);
      }
      const store = await open(0, from);
      await store.transact((d) => void (d.jobRuns.daily = at));
      await store.append('audit', { at, actorId: 'tom', action: 'risk.open', outcome: 'ok', detail: {} });
      const expected = JSON.stringify([store.read(), await store.audit()]);
      await store.close();

      const b = await runScript('scripts/backup.ts', [file], from, env(0));
      expect(b).toMatchObject({ code: 0, stderr: '' });
      const r = await runScript('scripts/restore.ts', [file], to, env(1));
      expect(r).toMatchObject({ code: 0, stderr: '' });
      const restored = await open(1, to);
      expect(JSON.stringify([restored.read(), await restored.audit()])).toBe(expected);
      await restored.close();

      const again = await runScript('scripts/restore.ts', [file], to, env(1));
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/^Store error \(STORE_IO\)/);
    } finally {
      if (admin) {
        for (const db of dbs) await admin.query(`drop database if exists ${db} with (force)`);
        await admin.end();
      }
    }
  });
});
