// When the database fails mid-change (a full disk at the audit write, after the change's own rows were
// written), the person is told "not saved" only because nothing was: the change, its audit entry and
// the activity's key roll back together, and Teams' redelivery of the same activity applies it once.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeConnector, type FakeConnector } from '../fakes/teams-connector';
import { startTestBot, type TestBot } from '../helpers/bot';
import { TEST_DATABASE_URL, freshSchema } from '../helpers/sql-store';
import { cardAction, demoUser, postActivity, textOf } from '../helpers/teams-activities';

const jo = demoUser(5, 'Jo Williams');

describe.runIf(TEST_DATABASE_URL)('a change the database cannot finish', () => {
  const schema = freshSchema('notsaved');
  let t: TestBot;
  let fake: FakeConnector;
  let db: pg.Client;

  beforeAll(async () => {
    fake = await startFakeConnector();
    t = await startTestBot({ env: { DATABASE_URL: TEST_DATABASE_URL!, DATABASE_SCHEMA: schema }, boot: { playground: false } });
    db = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await t?.stop();
    await fake?.close();
    await db?.query(`drop schema if exists ${schema} cascade`);
    await db?.end();
  });

  const diskFull = () =>
    db.query(`create function ${schema}.disk_full() returns trigger language plpgsql as $$ begin raise exception 'could not extend file: No space left on device'; end $$;
      create trigger disk_full before insert on ${schema}.audit for each row execute function ${schema}.disk_full()`);
  const diskFreed = () => db.query(`drop trigger disk_full on ${schema}.audit; drop function ${schema}.disk_full()`);
  const completions = async (id: string) => (await db.query(`select count(*)::int as n from ${schema}.audit where action = 'isap.complete' and subject = $1`, [id])).rows[0].n as number;

  it('says "not saved" when nothing was, and the retried activity completes the action once', async () => {
    const a = t.bot.store.read().isapActions.find((x) => x.ownerId === 'jo' && x.status === 'open')!;
    const click = cardAction(jo, 'isap.complete', { actionId: a.id, evidence: 'Reading ages up 8 months on average' }, { serviceUrl: fake.url, id: 'act-complete-1' });

    await diskFull();
    const failed = await postActivity(t.url, click);
    expect(textOf(failed.body.value)).toContain('Not saved');
    expect(textOf(failed.body.value)).not.toContain('Marked complete');
    expect(t.bot.store.read().isapActions.find((x) => x.id === a.id)!.status).toBe('open');
    expect(await completions(a.id)).toBe(0);
    const row = await db.query(`select data->>'status' as status from ${schema}.isap_actions where id = $1`, [a.id]);
    expect(row.rows[0].status).toBe('open');

    // Space again; Teams delivers the same activity again (same id): applied now, once.
    await diskFreed();
    const retried = await postActivity(t.url, click);
    expect(textOf(retried.body.value)).toContain('Marked complete');
    const again = await postActivity(t.url, click);
    expect(again.status).toBe(200);
    expect(t.bot.store.read().isapActions.find((x) => x.id === a.id)!.status).toBe('complete');
    expect(await completions(a.id)).toBe(1);
  });
});
