import type { Kysely } from 'kysely';

/**
 * Indexes for the dashboard reports (modules/reports): workflow transitions, claim transmissions and new fills are
 * read by site over a time window. Without them every dashboard refresh scans the whole history of every site.
 * Indexes only: no table or column changes.
 */
const INDEXES = [
  ['fill_events_site_at', 'fill_events', ['site_id', 'at']],
  ['fills_site_created', 'fills', ['site_id', 'created_at']],
  ['claim_transmissions_site_sent', 'claim_transmissions', ['site_id', 'sent_at']],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, table, columns] of INDEXES)
    await db.schema
      .createIndex(name)
      .on(table)
      .columns([...columns])
      .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name] of INDEXES) await db.schema.dropIndex(name).ifExists().execute();
}
