// Versioned schema migrations, run at every start by Kysely's Migrator (it takes its own lock, so
// instances starting together on one server migrate once). Never edit a shipped migration: add one.
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

const DOC_TABLES = ['trust', 'schools', 'people', 'risk_rounds', 'forums', 'surveys', 'approvals', 'subscriptions', 'conversations', 'posted_cards', 'job_runs', 'processed', 'outbox'];

const m0001: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create sequence store_seq`.execute(db);
    const doc = (name: string) =>
      db.schema
        .createTable(name)
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(sql`nextval('store_seq')`))
        .addColumn('data', 'jsonb', (c) => c.notNull());
    for (const t of DOC_TABLES) await doc(t).execute();
    await doc('category_changes').addColumn('school_id', 'text', (c) => c.notNull()).execute();
    await doc('talent').addColumn('school_id', 'text', (c) => c.notNull()).execute();
    await doc('isap_actions')
      .addColumn('school_id', 'text', (c) => c.notNull())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('due', 'date', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('isap_actions_school').on('isap_actions').columns(['school_id', 'due']).execute();
    await db.schema.createIndex('isap_actions_owner').on('isap_actions').columns(['owner_id', 'due']).execute();
    await db.schema.createIndex('isap_actions_open_due').on('isap_actions').columns(['status', 'due']).execute();
    await db.schema.createIndex('category_changes_school').on('category_changes').column('school_id').execute();
    await db.schema.createIndex('talent_school').on('talent').column('school_id').execute();
    for (const t of [...DOC_TABLES, 'category_changes', 'talent', 'isap_actions']) await db.schema.createIndex(`${t}_seq`).on(t).column('seq').execute();

    // One row per person who answered, so "one response each" is a primary key, not a scan.
    await db.schema
      .createTable('survey_responders')
      .addColumn('survey_id', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('survey_responders_pk', ['survey_id', 'hash'])
      .execute();

    await db.schema
      .createTable('audit')
      .addColumn('id', 'bigserial', (c) => c.primaryKey())
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('subject', 'text')
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('data', 'jsonb', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_subject').on('audit').columns(['subject', 'id']).execute();
    await db.schema.createIndex('audit_action').on('audit').columns(['action', 'id']).execute();
    await db.schema.createIndex('audit_at').on('audit').column('at').execute();

    await db.schema
      .createTable('survey_responses')
      .addColumn('id', 'bigserial', (c) => c.primaryKey())
      .addColumn('survey_id', 'text', (c) => c.notNull())
      .addColumn('school_id', 'text', (c) => c.notNull())
      .addColumn('data', 'jsonb', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('survey_responses_survey').on('survey_responses').columns(['survey_id', 'id']).execute();

    await db.schema
      .createTable('deliveries')
      .addColumn('id', 'bigserial', (c) => c.primaryKey())
      .addColumn('delivery_id', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('journal_id', 'text')
      .addColumn('data', 'jsonb', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('deliveries_state').on('deliveries').columns(['state', 'id']).execute();
    await db.schema.createIndex('deliveries_delivery').on('deliveries').columns(['delivery_id', 'id']).execute();
    await db.schema.createIndex('deliveries_journal').on('deliveries').column('journal_id').where(sql.ref('journal_id'), 'is not', null).execute();

    await db.schema
      .createTable('store_version')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('version', 'bigint', (c) => c.notNull())
      .execute();
    await sql`insert into store_version (id, version) values (1, 0)`.execute(db);
    await db.schema
      .createTable('change_log')
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addColumn('tbl', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('change_log_pk', ['version', 'tbl', 'id'])
      .execute();
  },
};

/** Which instance is sending each unfinished delivery, until when: one sender per message across instances. */
const m0002: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('delivery_claims')
      .addColumn('delivery_id', 'text', (c) => c.primaryKey())
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('until', 'timestamptz', (c) => c.notNull())
      .execute();
  },
};

export const MIGRATIONS: Record<string, Migration> = { '0001_tables': m0001, '0002_delivery_claims': m0002 };

export const migrationProvider: MigrationProvider = { getMigrations: async () => MIGRATIONS };
