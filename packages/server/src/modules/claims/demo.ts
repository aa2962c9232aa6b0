import { makeTestNpi } from '@apotheca/core/identifiers';
import { appendAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/database';
import { newId, nowIso } from '../../platform/ids';

/** Port the demo expects the simulator on: `apotheca payer-sim --port 4610 --plans packages/server/payer-sim/plans.example.json`. */
export const DEMO_PAYER_PORT = 4610;

// Matches packages/server/payer-sim/plans.example.json. TEST values: BINs 999999/999998 and these member ids are invented.
const DEMO_COVERAGE: Record<
  string,
  { payer: string; bin: string; pcn: string; group: string | null; member: string; priority: number }[]
> = {
  Garcia: [
    {
      payer: 'Apotheca Test Commercial (TEST)',
      bin: '999999',
      pcn: 'APOTEST',
      group: 'DEMOGRP',
      member: 'TESTGARCIA01',
      priority: 1,
    },
  ],
  Johnson: [
    {
      payer: 'Apotheca Test Commercial (TEST)',
      bin: '999999',
      pcn: 'APOTEST',
      group: 'DEMOGRP',
      member: 'TESTJOHNSON1',
      priority: 1,
    },
    {
      payer: 'Apotheca Test Secondary (TEST)',
      bin: '999998',
      pcn: 'APOTEST2',
      group: null,
      member: 'TESTJOHNSON2',
      priority: 2,
    },
  ],
  Nguyen: [
    {
      payer: 'Apotheca Test Commercial (TEST)',
      bin: '999999',
      pcn: 'APOTEST',
      group: 'DEMOGRP',
      member: 'TESTNGUYEN01',
      priority: 1,
    },
  ],
  Smith: [
    {
      payer: 'Apotheca Test Commercial (TEST)',
      bin: '999999',
      pcn: 'APOTEST',
      group: 'DEMOGRP',
      member: 'TESTSMITH001',
      priority: 1,
    },
  ],
};

/**
 * Demo claims setup at RETAIL1: payer endpoints for the two TEST BINs (the simulator on 127.0.0.1:4610, or
 * APOTHECA_DEMO_PAYER_URL), coverages for the demo patients, a test NPI for the site when it has none (payers
 * identify the pharmacy by it), a cash pricing rule and one discount program. Idempotent.
 */
export async function seedDemoPlans(db: Db, siteIds: Record<string, string>): Promise<void> {
  const siteId = siteIds.RETAIL1;
  if (!siteId) return;
  const url = process.env.APOTHECA_DEMO_PAYER_URL ?? `tcp://127.0.0.1:${DEMO_PAYER_PORT}`;
  await db.transaction().execute(async (trx) => {
    const at = nowIso();
    const site = await trx.selectFrom('sites').selectAll().where('id', '=', siteId).executeTakeFirstOrThrow();
    if (!site.npi) {
      const npi = makeTestNpi('155859870');
      if (npi.ok) await trx.updateTable('sites').set({ npi: npi.npi }).where('id', '=', siteId).execute();
    }
    for (const [bin, pcn] of [
      ['999999', 'APOTEST'],
      ['999998', 'APOTEST2'],
    ] as const) {
      const has = await trx
        .selectFrom('payer_endpoints')
        .select('id')
        .where('bin', '=', bin)
        .where('pcn', '=', pcn)
        .executeTakeFirst();
      if (!has)
        await trx
          .insertInto('payer_endpoints')
          .values({ id: newId(), bin, pcn, url, timeout_ms: 5000, created_at: at, updated_at: at })
          .execute();
    }
    const patients = await trx
      .selectFrom('patients')
      .select(['id', 'last_name'])
      .where('site_id', '=', siteId)
      .execute();
    for (const p of patients)
      for (const c of DEMO_COVERAGE[p.last_name] ?? []) {
        const has = await trx
          .selectFrom('patient_coverages')
          .select('id')
          .where('patient_id', '=', p.id)
          .where('bin', '=', c.bin)
          .executeTakeFirst();
        if (has) continue;
        await trx
          .insertInto('patient_coverages')
          .values({
            id: newId(),
            site_id: siteId,
            patient_id: p.id,
            payer_name: c.payer,
            bin: c.bin,
            pcn: c.pcn,
            group_id: c.group,
            member_id: c.member,
            person_code: '001',
            relationship: '1',
            priority: c.priority,
            effective_from: null,
            effective_to: null,
            active: 1,
          })
          .execute();
      }
    const rule = await trx
      .selectFrom('cash_pricing_rules')
      .select('id')
      .where('site_id', '=', siteId)
      .executeTakeFirst();
    if (!rule)
      await trx
        .insertInto('cash_pricing_rules')
        .values({
          id: newId(),
          site_id: siteId,
          markup_bp: 2500,
          dispensing_fee_cents: 400,
          minimum_cents: 500,
          updated_at: at,
        })
        .execute();
    const prog = await trx
      .selectFrom('discount_programs')
      .select('id')
      .where('organization_id', '=', site.organization_id)
      .executeTakeFirst();
    if (!prog)
      await trx
        .insertInto('discount_programs')
        .values({
          id: newId(),
          organization_id: site.organization_id,
          site_id: null,
          name: 'Demo Savings Club (cost + 10% + $3)',
          kind: 'acquisition_plus',
          percent_bp: 1000,
          fee_cents: 300,
          active: 1,
          created_at: at,
        })
        .execute();
    await appendAudit(trx, null, {
      action: 'claims.demo_seed',
      entityType: 'site',
      entityId: siteId,
      siteId,
      after: { url },
    });
  });
}
