// The lowdb store on real files in a temp dir: concurrency, rollback, bad files left untouched, migration.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/store/errors';
import { openLowdbStore } from '../../src/store/lowdb-store';
import { SCHEMA_VERSION, emptyData } from '../../src/store/schema';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ibot-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const audit = (n: number) => ({ at: '2026-11-18T10:00:00.000Z', actorId: 'tom', action: `test.${n}`, outcome: 'ok' as const, detail: {} });

/** Opening must fail with one StoreError of this code whose message names the file, and leave every file as it was. */
async function expectRefused(code: StoreError['code'], fileName: string, message?: RegExp): Promise<StoreError> {
  const before = await snapshot();
  const err = await openLowdbStore(dir).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StoreError);
  const se = err as StoreError;
  expect(se.code).toBe(code);
  expect(se.message).toContain(path.join(dir, fileName));
  if (message) expect(se.message).toMatch(message);
  expect(se.hint.length).toBeGreaterThan(10);
  expect(se.message + se.hint).not.toContain('\n');
  expect(await snapshot()).toEqual(before);
  return se;
}

async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of (await readdir(dir)).sort()) out[f] = (await readFile(path.join(dir, f))).toString('base64');
  return out;
}

describe('lowdb store: transactions', () => {
  it('loses none of 200 concurrent increments, and they survive a reopen', async () => {
    const store = await openLowdbStore(dir);
    await store.transact((d) => void (d.processed = ['0']));
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        store.transact((d) => {
          const n = Number(d.processed[0]) + 1;
          d.processed[0] = String(n);
          return n;
        }),
      ),
    );
    expect(store.read().processed[0]).toBe('200');
    expect(new Set(results).size).toBe(200);
    await store.close();
    const again = await openLowdbStore(dir);
    expect(again.read().processed[0]).toBe('200');
    await again.close();
  });

  it('changes nothing, in memory or on disk, when a transaction throws or would make the document invalid', async () => {
    const store = await openLowdbStore(dir);
    await store.transact((d) => void (d.jobRuns.daily = '2026-11-18T06:00:00.000Z'));
    const onDisk = await readFile(path.join(dir, 'db.json'), 'utf8');
    await expect(
      store.transact((d) => {
        d.jobRuns.daily = '2026-11-19T06:00:00.000Z';
        d.processed.push('half-done');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await expect(store.transact((d) => void (d.jobRuns.daily = 'not a date'))).rejects.toMatchObject({ code: 'STORE_INVALID' });
    await expect(store.transact((async (d: { processed: string[] }) => void d.processed.push('late')) as never)).rejects.toMatchObject({ code: 'STORE_INVALID' });
    expect(store.read().jobRuns.daily).toBe('2026-11-18T06:00:00.000Z');
    expect(store.read().processed).toEqual([]);
    expect(await readFile(path.join(dir, 'db.json'), 'utf8')).toBe(onDisk);
    // The queue is not stuck after failures.
    await store.transact((d) => void d.processed.push('after'));
    expect(store.read().processed).toEqual(['after']);
    await store.close();
  });

  it('commits a transaction queued before close, and refuses one after', async () => {
    const store = await openLowdbStore(dir);
    const queued = store.transact((d) => void d.processed.push('queued'));
    const closing = store.close();
    await expect(queued).resolves.toBeUndefined();
    await closing;
    await expect(store.transact((d) => void d.processed.push('late'))).rejects.toMatchObject({ code: 'STORE_CLOSED' });
    const again = await openLowdbStore(dir);
    expect(again.read().processed).toEqual(['queued']);
    await again.close();
  });
});

describe('lowdb store: append logs', () => {
  it('keeps appended records across a reopen and refuses an invalid record', async () => {
    const store = await openLowdbStore(dir);
    await Promise.all([1, 2, 3].map((n) => store.append('audit', audit(n))));
    await expect(store.append('audit', { ...audit(4), at: 'yesterday' })).rejects.toMatchObject({ code: 'STORE_INVALID' });
    await store.close();
    const again = await openLowdbStore(dir);
    expect((await again.audit()).map((a) => a.action).sort()).toEqual(['test.1', 'test.2', 'test.3']);
    await again.close();
  });

  it('drops a torn last line at load, and appends after it on a fresh line', async () => {
    const store = await openLowdbStore(dir);
    await store.append('audit', audit(1));
    await store.close();
    const file = path.join(dir, 'audit.jsonl');
    await writeFile(file, (await readFile(file, 'utf8')) + JSON.stringify(audit(2)).slice(0, 25), 'utf8');
    const again = await openLowdbStore(dir);
    expect((await again.audit()).map((a) => a.action)).toEqual(['test.1']);
    await again.append('audit', audit(3));
    await again.close();
    const third = await openLowdbStore(dir);
    expect((await third.audit()).map((a) => a.action)).toEqual(['test.1', 'test.3']);
    await third.close();
  });

  it('ignores and removes a temp file left by a crash mid-write', async () => {
    const store = await openLowdbStore(dir);
    await store.transact((d) => void d.processed.push('kept'));
    await store.close();
    await writeFile(path.join(dir, '.db.json.tmp'), '{"schemaVersion":1,"trust":nu', 'utf8');
    const again = await openLowdbStore(dir);
    expect(again.read().processed).toEqual(['kept']);
    expect(await readdir(dir)).not.toContain('.db.json.tmp');
    await again.close();
  });
});

describe('lowdb store: bad files are refused with one clear error and left as they are', () => {
  const valid = () => ({ ...emptyData(), processed: ['x'] });

  it('a db.json that is not JSON', async () => {
    await writeFile(path.join(dir, 'db.json'), '{"schemaVersion":1,\n"trust": null,,\n"password":"hunter2"}', 'utf8');
    const e = await expectRefused('STORE_CORRUPT', 'db.json', /not valid JSON/);
    expect(e.message).not.toContain('hunter2');
  });

  it('an empty db.json', async () => {
    await writeFile(path.join(dir, 'db.json'), '', 'utf8');
    await expectRefused('STORE_CORRUPT', 'db.json', /empty/);
  });

  it('a db.json that holds null or an array, not a document', async () => {
    await writeFile(path.join(dir, 'db.json'), 'null', 'utf8');
    await expectRefused('STORE_INVALID', 'db.json', /JSON object/);
    await writeFile(path.join(dir, 'db.json'), '[]', 'utf8');
    await expectRefused('STORE_INVALID', 'db.json', /JSON object/);
  });

  it('a db.json from a newer release', async () => {
    await writeFile(path.join(dir, 'db.json'), JSON.stringify({ ...valid(), schemaVersion: SCHEMA_VERSION + 1 }), 'utf8');
    const e = await expectRefused('STORE_FUTURE_VERSION', 'db.json', new RegExp(`version ${SCHEMA_VERSION + 1}`));
    expect(e.hint).toMatch(/upgrade/);
  });

  it('a db.json whose schemaVersion is nonsense', async () => {
    await writeFile(path.join(dir, 'db.json'), JSON.stringify({ ...valid(), schemaVersion: '1' }), 'utf8');
    await expectRefused('STORE_INVALID', 'db.json', /schemaVersion/);
  });

  it('a db.json with an invalid record, naming where', async () => {
    const data = valid();
    (data.schools as unknown[]).push({ id: 'x', urn: '12', name: 'Bad URN School', phase: 'primary' });
    await writeFile(path.join(dir, 'db.json'), JSON.stringify(data), 'utf8');
    await expectRefused('STORE_INVALID', 'db.json', /schools\.0\.urn/);
  });

  it('a .jsonl with a corrupt line in the middle, naming the line, even with a torn tail after it', async () => {
    await writeFile(path.join(dir, 'db.json'), JSON.stringify(valid()), 'utf8');
    const lines = [JSON.stringify(audit(1)), '{"at": oops', JSON.stringify(audit(3))];
    await writeFile(path.join(dir, 'audit.jsonl'), lines.join('\n') + '\n{"at":"2026', 'utf8');
    await expectRefused('STORE_CORRUPT', 'audit.jsonl', /line 2 /);
  });

  it('a .jsonl with a line that is JSON but not a valid record', async () => {
    await writeFile(path.join(dir, 'db.json'), JSON.stringify(valid()), 'utf8');
    await writeFile(path.join(dir, 'surveyResponses.jsonl'), `${JSON.stringify({ surveyId: 's', schoolId: 'b', answers: { q1: 3 } })}\n${JSON.stringify({ surveyId: 's', answers: {} })}\n`, 'utf8');
    await expectRefused('STORE_INVALID', 'surveyResponses.jsonl', /line 2: schoolId/);
  });
});

describe('lowdb store: migration', () => {
  it('migrates a version-0 file (no schemaVersion), keeping a byte-for-byte backup of the original', async () => {
    const original = JSON.stringify({ trust: null, schools: [], people: [], processed: ['from-v0'] }, null, 2);
    await writeFile(path.join(dir, 'db.json'), original, 'utf8');
    const store = await openLowdbStore(dir);
    expect(store.read().schemaVersion).toBe(SCHEMA_VERSION);
    expect(store.read().processed).toEqual(['from-v0']);
    expect(store.read().approvals).toEqual([]);
    await store.close();
    expect(await readFile(path.join(dir, 'db.json.v0.bak'), 'utf8')).toBe(original);
    expect(JSON.parse(await readFile(path.join(dir, 'db.json'), 'utf8')).schemaVersion).toBe(SCHEMA_VERSION);
    // Reopening does not migrate again or touch the backup.
    const again = await openLowdbStore(dir);
    expect(again.read().processed).toEqual(['from-v0']);
    await again.close();
    expect((await readdir(dir)).filter((f) => f.includes('.bak'))).toEqual(['db.json.v0.bak']);
  });
});
