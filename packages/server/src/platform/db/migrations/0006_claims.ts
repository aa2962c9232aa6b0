import type { Kysely } from 'kysely';

type Col = [name: string, type: 'text' | 'integer' | 'real', notNull?: boolean, defaultTo?: string | number];

/** A table with a text primary key `id` and the given columns (portable: text, integer, real only). */
async function table(db: Kysely<unknown>, name: string, cols: Col[]) {
  let t = db.schema.createTable(name).addColumn('id', 'text', (c) => c.primaryKey());
  for (const [col, type, notNull, def] of cols)
    t = t.addColumn(col, type, (c) => {
      let b = c;
      if (col === 'site_id' && name !== 'discount_programs') b = b.references('sites.id');
      if (notNull) b = b.notNull();
      if (def !== undefined) b = b.defaultTo(def);
      return b;
    });
  await t.execute();
}

// Claims (NCPDP D.0): payer endpoints, one claim per fill and COB level, every transmission verbatim,
// prior authorization cases, cash pricing rules and discount programs.
export async function up(db: Kysely<unknown>): Promise<void> {
  await table(db, 'payer_endpoints', [
    ['bin', 'text', true],
    ['pcn', 'text', true, ''],
    ['url', 'text', true],
    ['timeout_ms', 'integer', true, 15000],
    ['created_at', 'text', true],
    ['updated_at', 'text', true],
  ]);
  await db.schema
    .createIndex('payer_endpoints_bin_pcn')
    .on('payer_endpoints')
    .columns(['bin', 'pcn'])
    .unique()
    .execute();

  await table(db, 'claims', [
    ['site_id', 'text', true],
    ['fill_id', 'text', true],
    ['prescription_id', 'text', true],
    ['patient_id', 'text', true],
    ['coverage_id', 'text', true],
    ['cob_order', 'integer', true, 1],
    ['payer_name', 'text', true],
    ['bin', 'text', true],
    ['pcn', 'text', true, ''],
    ['group_id', 'text'],
    ['member_id', 'text', true],
    ['person_code', 'text'],
    ['service_provider_id', 'text', true],
    ['rx_number', 'text', true],
    ['fill_number', 'integer', true],
    ['date_of_service', 'text', true],
    ['ndc11', 'text', true],
    ['quantity', 'real', true],
    ['days_supply', 'integer', true],
    ['status', 'text', true],
    ['attempt', 'integer', true, 0],
    ['in_flight', 'text'],
    ['auth_number', 'text'],
    ['patient_pay_cents', 'integer'],
    ['plan_pay_cents', 'integer'],
    ['ingredient_cost_paid_cents', 'integer'],
    ['dispensing_fee_paid_cents', 'integer'],
    ['other_payer_amount_cents', 'integer'],
    ['submitted_gross_cents', 'integer', true, 0],
    ['usual_customary_cents', 'integer', true, 0],
    ['reject_codes_json', 'text', true, '[]'],
    ['message', 'text'],
    ['response_json', 'text'],
    ['dur_override_json', 'text'],
    ['pa_number', 'text'],
    ['created_by', 'text'],
    ['created_at', 'text', true],
    ['updated_at', 'text', true],
    ['reversed_at', 'text'],
    ['reversal_reason', 'text'],
    ['version', 'integer', true, 1],
  ]);
  // One claim per fill and coordination-of-benefits level: the idempotency anchor for billing a fill.
  await db.schema
    .createIndex('claims_fill_cob')
    .on('claims')
    .columns(['fill_id', 'cob_order'])
    .unique()
    .execute();
  await db.schema.createIndex('claims_site_status').on('claims').columns(['site_id', 'status']).execute();

  await table(db, 'claim_transmissions', [
    ['site_id', 'text', true],
    ['claim_id', 'text'],
    ['patient_id', 'text'],
    ['kind', 'text', true],
    ['attempt', 'integer', true, 0],
    ['idempotency_key', 'text', true],
    ['request_raw', 'text', true],
    ['response_raw', 'text'],
    ['status', 'text', true],
    ['response_status', 'text'],
    ['reject_codes_json', 'text', true, '[]'],
    ['error', 'text'],
    ['endpoint', 'text'],
    ['user_id', 'text'],
    ['sent_at', 'text', true],
    ['received_at', 'text'],
    ['duration_ms', 'integer'],
  ]);
  await db.schema
    .createIndex('claim_transmissions_key')
    .on('claim_transmissions')
    .columns(['idempotency_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('claim_transmissions_claim')
    .on('claim_transmissions')
    .columns(['claim_id', 'sent_at'])
    .execute();

  await table(db, 'pa_cases', [
    ['site_id', 'text', true],
    ['patient_id', 'text', true],
    ['prescription_id', 'text'],
    ['fill_id', 'text'],
    ['claim_id', 'text'],
    ['ndc11', 'text', true],
    ['drug_description', 'text', true],
    ['payer_name', 'text', true],
    ['bin', 'text', true],
    ['pcn', 'text', true, ''],
    ['group_id', 'text'],
    ['member_id', 'text', true],
    ['prescriber_id', 'text'],
    ['diagnosis_code', 'text'],
    ['status', 'text', true],
    ['pa_number', 'text'],
    ['expires_on', 'text'],
    ['denial_reason', 'text'],
    ['notes', 'text'],
    ['document_ids_json', 'text', true, '[]'],
    ['patient_notified_at', 'text'],
    ['last_activity_at', 'text', true],
    ['created_by', 'text'],
    ['created_at', 'text', true],
    ['updated_at', 'text', true],
    ['version', 'integer', true, 1],
  ]);
  await db.schema.createIndex('pa_cases_site_status').on('pa_cases').columns(['site_id', 'status']).execute();
  await table(db, 'pa_events', [
    ['site_id', 'text', true],
    ['pa_case_id', 'text', true],
    ['from_status', 'text'],
    ['to_status', 'text', true],
    ['note', 'text'],
    ['user_id', 'text'],
    ['at', 'text', true],
  ]);
  await db.schema.createIndex('pa_events_case').on('pa_events').columns(['pa_case_id']).execute();

  await table(db, 'cash_pricing_rules', [
    ['site_id', 'text', true],
    ['markup_bp', 'integer', true, 2500],
    ['dispensing_fee_cents', 'integer', true, 400],
    ['minimum_cents', 'integer', true, 500],
    ['updated_at', 'text', true],
  ]);
  await db.schema
    .createIndex('cash_pricing_rules_site')
    .on('cash_pricing_rules')
    .columns(['site_id'])
    .unique()
    .execute();
  // Discount programs (cash-pay cards, store clubs); site_id null = every site of the organization.
  await table(db, 'discount_programs', [
    ['organization_id', 'text', true],
    ['site_id', 'text'],
    ['name', 'text', true],
    ['kind', 'text', true],
    ['percent_bp', 'integer', true, 0],
    ['fee_cents', 'integer', true, 0],
    ['active', 'integer', true, 1],
    ['created_at', 'text', true],
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'discount_programs',
    'cash_pricing_rules',
    'pa_events',
    'pa_cases',
    'claim_transmissions',
    'claims',
    'payer_endpoints',
  ])
    await db.schema.dropTable(t).ifExists().execute();
}
