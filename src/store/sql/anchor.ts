// The benchmark's anchor: a bare single-row update, each in its own transaction, on the same engine
// as the bot, so every command's time can be read against what the engine itself costs.
import { sql } from 'kysely';
import type { SqlStore } from '../sql-store';
import { openEngine, type EngineOptions } from './engine';

/** Times `n` single-row updates of a scratch table (created and dropped here) on a store's engine. */
export async function bareWrites(opts: EngineOptions, n: number): Promise<number[]> {
  const engine = await openEngine(opts);
  try {
    return await engine.run(async (db) => {
      await sql`create table if not exists bench_anchor (id int primary key, data jsonb not null)`.execute(db);
      await sql`insert into bench_anchor select g, '{"n":0}'::jsonb from generate_series(1, 1000) g on conflict do nothing`.execute(db);
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await db.transaction().execute((trx) => sql`update bench_anchor set data = jsonb_build_object('n', ${i}::int) where id = ${1 + (i % 1000)}::int`.execute(trx));
        times.push(performance.now() - t0);
      }
      await sql`drop table bench_anchor`.execute(db);
      return times;
    });
  } finally {
    await engine.close();
  }
}

export type { SqlStore };
