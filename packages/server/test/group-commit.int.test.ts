import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../src/platform/audit/audit';
import { buildOrg, createTestDatabase, type TestDatabase } from './helpers';

// Group commit is the SQLite path; on PostgreSQL the same assertions hold for ordinary transactions.
describe(`concurrent transactions (${process.env.APOTHECA_TEST_DB ?? 'sqlite'})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.dispose());

  it('commits every successful use case and rolls back only the failing one', async () => {
    const { db } = t.handle;
    const org = await buildOrg(db);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        db.transaction().execute(async (trx) => {
          await trx
            .insertInto('organizations')
            .values({ id: `org-${i}`, name: `Org ${i}`, created_at: 'x' })
            .execute();
          await appendAudit(trx, null, {
            action: 'test.create',
            entityType: 'organization',
            entityId: `org-${i}`,
          });
          if (i % 10 === 7) throw new Error(`use case ${i} failed`);
          return i;
        }),
      ),
    );
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [i] : []));
    expect(failed).toEqual([7, 17, 27, 37, 47]);
    const rows = await db.selectFrom('organizations').select('id').where('id', '!=', org).execute();
    expect(rows).toHaveLength(45);
    expect(rows.map((r) => r.id)).not.toContain('org-7');
    // The rolled-back audit entries left no gap in the chain.
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ ok: true, entries: 45 });
  });

  it('resolves a use case only after its data is committed and visible outside the transaction', async () => {
    const { db } = t.handle;
    const id = await db.transaction().execute(async (trx) => {
      await trx.insertInto('organizations').values({ id: 'visible', name: 'V', created_at: 'x' }).execute();
      return 'visible';
    });
    const row = await db.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst();
    expect(row?.id).toBe('visible');
  });
});
