import type { Kysely } from 'kysely';

// Patient notes (issue 8): an append-only log. A note is never edited or deleted; a correction is a new note whose
// supersedes_id names the note it replaces. The unique index on supersedes_id lets a note be superseded once only,
// even when two corrections race (the second insert fails on the index).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('patient_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('supersedes_id', 'text', (c) => c.references('patient_notes.id'))
    .addColumn('author_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('patient_notes_patient')
    .on('patient_notes')
    .columns(['patient_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('patient_notes_supersedes')
    .on('patient_notes')
    .column('supersedes_id')
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('patient_notes').ifExists().execute();
}
