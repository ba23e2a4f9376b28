// Claims on unfinished deliveries: the instance that queues a send claims it for a lease and renews the
// lease before each attempt; a claim whose lease ran out (its instance died or stalled) may be taken by
// another. The primary key and a conditional upsert make each claim one instance's, however many race.
import { sql, type Kysely } from 'kysely';
import type { Delivery, LogName, LogRecord } from '../schema';
import type { Database } from './tables';

type Db = Kysely<Database>;

export interface Claimant {
  owner: string;
  leaseMs: number;
}

const until = (leaseMs: number) => sql<Date>`now() + ${leaseMs} * interval '1 millisecond'`;

/** After deliveries are appended: claim the newly queued for this instance, release the finished. */
export async function settleClaims(db: Db, batch: readonly { name: LogName; record: LogRecord<LogName> }[], me: Claimant): Promise<void> {
  const deliveries = batch.filter((b) => b.name === 'deliveries').map((b) => b.record as Delivery);
  const queued = deliveries.filter((d) => d.state === 'queued').map((d) => d.id);
  const finished = deliveries.filter((d) => d.state !== 'queued').map((d) => d.id);
  if (queued.length) {
    await db
      .insertInto('delivery_claims')
      .values(queued.map((id) => ({ delivery_id: id, owner: me.owner, until: until(me.leaseMs) })))
      .onConflict((oc) => oc.column('delivery_id').doUpdateSet({ owner: me.owner, until: until(me.leaseMs) }))
      .execute();
  }
  if (finished.length) await db.deleteFrom('delivery_claims').where('delivery_id', 'in', finished).execute();
}

/**
 * Renews this instance's claim on a send (or takes it if unclaimed or its lease ran out). False when
 * another instance holds it: that instance sends it, not this one.
 */
export async function holdClaim(db: Db, id: string, me: Claimant): Promise<boolean> {
  const row = await db
    .insertInto('delivery_claims')
    .values({ delivery_id: id, owner: me.owner, until: until(me.leaseMs) })
    .onConflict((oc) =>
      oc
        .column('delivery_id')
        .doUpdateSet({ owner: me.owner, until: until(me.leaseMs) })
        .where((eb) => eb.or([eb('delivery_claims.owner', '=', me.owner), eb('delivery_claims.until', '<', sql<Date>`now()`)])),
    )
    .returning('delivery_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Claims the unfinished sends no live instance holds (never claimed, or the lease ran out), oldest first. */
export async function claimAbandoned(db: Db, me: Claimant, limit = 500): Promise<Delivery[]> {
  const rows = await db
    .selectFrom('deliveries as d')
    .leftJoin('delivery_claims as c', 'c.delivery_id', 'd.delivery_id')
    .select(['d.delivery_id', 'd.data'])
    .where('d.state', '=', 'queued')
    .where((eb) => eb.or([eb('c.delivery_id', 'is', null), eb('c.until', '<', sql<Date>`now()`)]))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('deliveries as later').select('later.id').whereRef('later.delivery_id', '=', 'd.delivery_id').whereRef('later.id', '>', 'd.id'))),
    )
    .orderBy('d.id')
    .limit(limit)
    .execute();
  const out: Delivery[] = [];
  // One at a time: of instances racing for the same send, the upsert lets exactly one through.
  for (const r of rows) if (await mayStillSend(db, r.delivery_id, me)) out.push(r.data as Delivery);
  return out.filter((d) => d.notification !== undefined);
}

/** Holds the claim, then checks that no instance finished the send meanwhile (a slow one whose lease ran out). */
export async function mayStillSend(db: Db, id: string, me: Claimant): Promise<boolean> {
  if (!(await holdClaim(db, id, me))) return false;
  const done = await db.selectFrom('deliveries').select('id').where('delivery_id', '=', id).where('state', '!=', 'queued').limit(1).executeTakeFirst();
  if (!done) return true;
  await db.deleteFrom('delivery_claims').where('delivery_id', '=', id).execute();
  return false;
}

/** Embedded: this process is the only one, so claims left by a process that died are void. */
export async function releaseAll(db: Db): Promise<void> {
  await db.deleteFrom('delivery_claims').execute();
}
