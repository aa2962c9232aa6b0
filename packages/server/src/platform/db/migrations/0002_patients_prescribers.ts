import type { Kysely } from 'kysely';

// Minimal patient and prescriber records (issue 2 demo + site isolation); the prescription workflow extends them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('patients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('mrn', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('address_line1', 'text')
    .addColumn('city', 'text')
    .addColumn('state', 'text')
    .addColumn('postal_code', 'text')
    .addColumn('language', 'text')
    .addColumn('allergy_status', 'text', (c) => c.notNull().defaultTo('unknown'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('patients_site_mrn', ['site_id', 'mrn'])
    .execute();
  await db.schema
    .createIndex('patients_site_name')
    .on('patients')
    .columns(['site_id', 'last_name', 'first_name'])
    .execute();

  await db.schema
    .createTable('prescribers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('credential', 'text')
    .addColumn('npi', 'text', (c) => c.notNull())
    .addColumn('dea_number', 'text')
    .addColumn('state_license', 'text')
    .addColumn('specialty', 'text')
    .addColumn('phone', 'text')
    .addColumn('fax', 'text')
    .addColumn('is_test_identifier', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('prescribers_site_npi', ['site_id', 'npi'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('prescribers').execute();
  await db.schema.dropTable('patients').execute();
}
