// The SQL store's contract, on PGlite and (when TEST_DATABASE_URL is set, always in CI) on a real
// PostgreSQL server: commit, rollback, only touched rows written, no lost updates, logs queried,
// order and every acknowledged write kept across a restart, two instances on one server.
import { rm } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IsapAction } from '../../src/domain';
import { MIGRATIONS } from '../../src/store/sql/migrations';
import type { SqlStore } from '../../src/store/sql-store';
import { ENGINES, TEST_DATABASE_URL, freshSchema, openTestStore, tempDataDir, type EngineName } from '../helpers/sql-store';

const at = '2026-11-18T10:00:00.000Z';
const audit = (action: string, subject?: string, when = at) => ({ at: when, actorId: 'tom', action, ...(subject ? { subject } : {}), outcome: 'ok' as const, detail: {} });
const action = (n: number, schoolId = 'beacon'): IsapAction =>
  ({ id: `a${n}`, schoolId, title: `Action ${n}`, ownerId: 'rachel', due: '2026-12-01', status: 'open', rag: 'amber', extensions: [], escalationLevel: 0, createdAt: at }) as IsapAction;

describe.each(ENGINES)('SQL store on %s', (engine: EngineName) => {
  let dir: string;
  const schema = engine === 'postgres' ? freshSchema('contract') : undefined;
  let store: SqlStore;
  const reopen = async () => {
    await store.close();
    store = await openTestStore(engine, dir, schema);
    return store;
  };

  beforeAll(async () => {
    dir = await tempDataDir();
    store = await openTestStore(engine, dir, schema);
  });
  afterAll(async () => {
    await store?.close();
    await rm(dir, { recursive: true, force: true });
    if (schema) {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    }
  });

  it('commits a change and keeps it across a restart', async () => {
    const v = store.version();
    const got = await store.transact((d) => {
      d.isapActions.push(...Array.from({ length: 50 }, (_, i) => action(i)));
      d.jobRuns.daily = at;
      return d.isapActions.length;
    });
    expect(got).toBe(50);
    expect(store.version()).toBe(v + 1);
    await reopen();
    expect(store.read().isapActions.map((a) => a.id)).toEqual(Array.from({ length: 50 }, (_, i) => `a${i}`));
    expect(store.read().jobRuns.daily).toBe(at);
  });

  it('writes only the rows a change touched', async () => {
    const v = store.version();
    await store.transact((d) => {
      const a = d.isapActions.find((x) => x.id === 'a17')!;
      a.status = 'complete';
      a.notes = [{ at, byId: 'rachel', text: 'done' }];
    });
    expect(await store.changesAfter(v)).toEqual([{ version: v + 1, table: 'isap_actions', id: 'a17' }]);
    // Nothing changed, nothing written.
    await store.transact((d) => d.isapActions.length);
    expect(store.version()).toBe(v + 1);
  });

  it('hands back plain records from a transaction, not the draft', async () => {
    const a = await store.transact((d) => {
      const x = d.isapActions.find((y) => y.id === 'a3')!;
      x.rag = 'red';
      return x;
    });
    expect(a.rag).toBe('red');
    expect(JSON.parse(JSON.stringify(a)).id).toBe('a3');
  });

  it('changes nothing when the callback throws, returns a promise or would store an invalid record', async () => {
    const before = store.read();
    const v = store.version();
    await expect(
      store.transact((d) => {
        d.processed.push('half-done');
        d.isapActions[0]!.title = 'changed';
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await expect(store.transact((d) => void (d.jobRuns.daily = 'not a date'))).rejects.toMatchObject({ code: 'STORE_INVALID' });
    await expect(store.transact((d) => void (d.isapActions[1]!.due = 'soon'))).rejects.toMatchObject({ code: 'STORE_INVALID', message: expect.stringContaining('isap_actions a1') });
    await expect(store.transact((async (d: { processed: string[] }) => void d.processed.push('late')) as never)).rejects.toMatchObject({ code: 'STORE_INVALID' });
    expect(store.read()).toBe(before);
    expect(store.version()).toBe(v);
    await reopen();
    expect(store.read().processed).not.toContain('half-done');
    expect(store.read().isapActions[0]!.title).toBe('Action 0');
    expect(store.read().isapActions[1]!.due).toBe('2026-12-01');
    await store.transact((d) => void d.processed.push('after'));
    expect(store.read().processed).toContain('after');
  });

  it('loses none of 100 concurrent increments', async () => {
    await store.transact((d) => void (d.jobRuns.counter = new Date(0).toISOString()));
    const results = await Promise.all(
      Array.from({ length: 100 }, () =>
        store.transact((d) => {
          const n = Date.parse(d.jobRuns.counter!) + 1;
          d.jobRuns.counter = new Date(n).toISOString();
          return n;
        }),
      ),
    );
    expect(new Set(results).size).toBe(100);
    expect(Date.parse(store.read().jobRuns.counter!)).toBe(100);
    await reopen();
    expect(Date.parse(store.read().jobRuns.counter!)).toBe(100);
  });

  it('keeps the order of records through removals, insertions and sorts', async () => {
    await store.transact((d) => {
      d.isapActions = d.isapActions.filter((a) => a.id !== 'a5');
      d.isapActions.unshift(action(100));
      d.processed.push('p1', 'p2', 'p3');
    });
    await store.transact((d) => {
      d.processed.splice(0, 1);
      d.people.push({ id: 'zed', name: 'Zed', email: 'zed@example.org', roles: [{ role: 'ceo' }] } as never, { id: 'amy', name: 'Amy', email: 'amy@example.org', roles: [{ role: 'ceo' }] } as never);
    });
    await store.transact((d) => void d.people.sort((a, b) => a.id.localeCompare(b.id)));
    const expected = JSON.stringify([store.read().isapActions.map((a) => a.id), store.read().processed, store.read().people.map((p) => p.id)]);
    await reopen();
    expect(JSON.stringify([store.read().isapActions.map((a) => a.id), store.read().processed, store.read().people.map((p) => p.id)])).toBe(expected);
    expect(store.read().isapActions[0]!.id).toBe('a100');
    expect(store.read().people.map((p) => p.id)).toEqual(['amy', 'zed']);
  });

  it('keeps survey responders as rows: added, removed, sorted', async () => {
    await store.transact((d) => void (d.surveyResponders.s1 = ['c', 'a', 'b'].sort()));
    await store.transact((d) => void (d.surveyResponders.s1 = d.surveyResponders.s1!.filter((h) => h !== 'b')));
    await reopen();
    expect(store.read().surveyResponders.s1).toEqual(['a', 'c']);
  });

  it('records a dedupe key in the same commit as the first change of its command, and only with a change', async () => {
    const v = store.version();
    await store.withDedupeKey('cmd-1', async () => {
      await store.transact((d) => void (d.jobRuns.keyed = at));
      await store.transact((d) => void (d.jobRuns.second = at));
    });
    const first = (await store.changesAfter(v)).filter((c) => c.version === v + 1);
    expect(first).toEqual([
      { version: v + 1, table: 'job_runs', id: 'keyed' },
      { version: v + 1, table: 'processed', id: 'cmd-1' },
    ]);
    await store.withDedupeKey('cmd-2', async () => store.transact((d) => d.processed.length));
    expect(store.read().processed).toContain('cmd-1');
    expect(store.read().processed).not.toContain('cmd-2');
  });

  it('commits a change, its audit entry and its command\'s key together, or none of them', async () => {
    const v = store.version();
    const audited = (await store.audit()).length;
    const change = (note: string) =>
      store.withDedupeKey(`cmd-${note.length}`, () => store.transact((d) => void (d.jobRuns.atomic = at), { audit: () => ({ ...audit('test.atomic', 'atomic'), detail: { note } }) }));
    // The database refuses this audit entry (jsonb holds no NUL) after the change's rows were written.
    await expect(change('bad\u0000byte')).rejects.toMatchObject({ code: 'STORE_IO' });
    for (const again of [false, true]) {
      if (again) await reopen();
      expect(store.version()).toBe(v);
      expect(store.read().jobRuns.atomic).toBeUndefined();
      expect(store.read().processed).not.toContain('cmd-12');
      expect(await store.audit()).toHaveLength(audited);
    }
    await change('ok');
    expect(await store.changesAfter(v)).toEqual([
      { version: v + 1, table: 'job_runs', id: 'atomic' },
      { version: v + 1, table: 'processed', id: 'cmd-2' },
    ]);
    expect((await store.audit({ subject: 'atomic' })).map((e) => e.detail)).toEqual([{ note: 'ok' }]);
  });

  it('answers the log queries from the tables', async () => {
    await Promise.all([audit('digest.sent', 'weekly:1', '2026-11-16T07:00:00.000Z'), audit('isap.update', 'a1'), audit('digest.sent', 'weekly:2'), audit('isap.update', 'a2')].map((e) => store.append('audit', e)));
    await expect(store.append('audit', { ...audit('x'), at: 'yesterday' })).rejects.toMatchObject({ code: 'STORE_INVALID' });
    expect((await store.audit({ action: 'digest.sent' })).map((e) => e.subject).sort()).toEqual(['weekly:1', 'weekly:2']);
    expect(await store.audit({ action: 'digest.sent', subject: 'weekly:2', limit: 1 })).toHaveLength(1);
    expect((await store.audit({ subject: 'a1' })).map((e) => e.action)).toEqual(['isap.update']);
    expect((await store.audit({ since: '2026-11-17T00:00:00Z', action: 'digest.sent' })).map((e) => e.subject)).toEqual(['weekly:2']);
    expect(await store.audit({ newest: true, limit: 2 })).toHaveLength(2);

    await store.append('surveyResponses', { surveyId: 's1', schoolId: 'beacon', answers: { q1: 4 } });
    await store.append('surveyResponses', { surveyId: 's2', schoolId: 'beacon', answers: { q1: 2 } });
    await store.append('surveyResponses', { surveyId: 's1', schoolId: 'riverside', answers: { q1: 5 } });
    expect((await store.surveyResponses('s1')).map((r) => r.schoolId)).toEqual(['beacon', 'riverside']);
    expect(store.responseCounts().get('s1')).toEqual({ beacon: 1, riverside: 1 });

    await store.append('deliveries', { id: 'd1', at, state: 'queued', attempts: 0, notification: { journalId: 'j1', view: {} } });
    await store.append('deliveries', { id: 'd2', at, state: 'queued', attempts: 0, notification: { view: {} } });
    await store.append('deliveries', { id: 'd1', at, state: 'sent', attempts: 1 });
    expect((await store.unfinishedDeliveries()).map((d) => d.id)).toEqual(['d2']);
    expect((await store.deliveries({ state: 'sent' })).map((d) => d.id)).toEqual(['d1']);
    expect([...(await store.queuedJournalIds(['j1', 'j2']))]).toEqual(['j1']);

    await reopen();
    expect(store.responseCounts().get('s1')).toEqual({ beacon: 1, riverside: 1 });
    expect(await store.audit({ action: 'isap.update' })).toHaveLength(2);
  });

  it('commits a transaction queued before close, and refuses one after', async () => {
    const queued = store.transact((d) => void d.processed.push('queued'));
    const closing = store.close();
    await expect(queued).resolves.toBeUndefined();
    await closing;
    await expect(store.transact((d) => void d.processed.push('late'))).rejects.toMatchObject({ code: 'STORE_CLOSED' });
    store = await openTestStore(engine, dir, schema);
    expect(store.read().processed).toContain('queued');
  });

  if (engine === 'postgres') {
    it('lets two instances on one server share the data: each catches up, no update is lost', async () => {
      const other = await openTestStore(engine, dir, schema);
      try {
        await store.transact((d) => void (d.jobRuns.shared = new Date(0).toISOString()));
        await other.refresh();
        expect(other.read().jobRuns.shared).toBe(new Date(0).toISOString());
        const bump = (s: SqlStore) => s.transact((d) => void (d.jobRuns.shared = new Date(Date.parse(d.jobRuns.shared!) + 1).toISOString()));
        await Promise.all(Array.from({ length: 40 }, (_, i) => bump(i % 2 ? store : other)));
        await store.refresh();
        await other.refresh();
        expect(Date.parse(store.read().jobRuns.shared!)).toBe(40);
        expect(JSON.stringify(other.read())).toBe(JSON.stringify(store.read()));
        // A record one instance removes is gone from the other's snapshot too.
        await other.transact((d) => void (d.isapActions = d.isapActions.filter((a) => a.id !== 'a2')));
        await store.refresh();
        expect(store.read().isapActions.some((a) => a.id === 'a2')).toBe(false);
      } finally {
        await other.close();
      }
    });
  }
});

describe.runIf(ENGINES.includes('postgres'))('SQL store on a database from a newer release', () => {
  it('refuses to start and says to upgrade, changing nothing', async () => {
    const dir = await tempDataDir();
    const schema = freshSchema('future');
    await (await openTestStore('postgres', dir, schema)).close();
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    try {
      await c.query(`insert into ${schema}.kysely_migration (name, timestamp) values ('9999_from_the_future', now())`);
      await expect(openTestStore('postgres', dir, schema)).rejects.toMatchObject({ code: 'STORE_FUTURE_VERSION', hint: expect.stringMatching(/upgrade the bot/) });
      expect((await c.query(`select count(*)::int as n from ${schema}.kysely_migration`)).rows[0].n).toBe(Object.keys(MIGRATIONS).length + 1);
    } finally {
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
