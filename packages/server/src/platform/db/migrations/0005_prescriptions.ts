import type { Kysely } from 'kysely';

type Col = [name: string, type: 'text' | 'integer' | 'real', notNull?: boolean, defaultTo?: string | number];

/** Creates a table with a text primary key `id`, the given columns, and a foreign key on site. */
async function table(db: Kysely<unknown>, name: string, cols: Col[]) {
  let t = db.schema.createTable(name).addColumn('id', 'text', (c) => c.primaryKey());
  for (const [col, type, notNull, def] of cols)
    t = t.addColumn(col, type, (c) => {
      let b = c;
      if (col === 'site_id') b = b.references('sites.id');
      if (notNull) b = b.notNull();
      if (def !== undefined) b = b.defaultTo(def);
      return b;
    });
  await t.execute();
}

// Prescription workflow: richer patient records, prescriptions and their fills, e-prescription messages,
// documents (scanned originals), clarifications, notifications outbox, CMEA logbook.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('patients')
    .addColumn('pregnancy_status', 'text', (c) => c.notNull().defaultTo('unknown'))
    .execute();
  await db.schema
    .alterTable('patients')
    .addColumn('lactating', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('patients')
    .addColumn('preferences_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.alterTable('patients').addColumn('merged_into_id', 'text').execute();
  for (const col of ['supervising_prescriber_id', 'address_line1', 'city', 'state', 'postal_code'])
    await db.schema.alterTable('prescribers').addColumn(col, 'text').execute();

  const pid: Col[] = [
    ['site_id', 'text', true],
    ['patient_id', 'text', true],
  ];
  await table(db, 'patient_allergies', [
    ...pid,
    ['substance', 'text', true],
    ['reaction', 'text'],
    ['severity', 'text'],
    ['status', 'text', true],
    ['recorded_at', 'text', true],
  ]);
  await table(db, 'patient_conditions', [
    ...pid,
    ['code', 'text'],
    ['description', 'text', true],
    ['status', 'text', true],
    ['recorded_at', 'text', true],
  ]);
  await table(db, 'patient_measurements', [
    ...pid,
    ['kind', 'text', true],
    ['value', 'real', true],
    ['unit', 'text', true],
    ['measured_on', 'text', true],
  ]);
  await table(db, 'patient_coverages', [
    ...pid,
    ['payer_name', 'text', true],
    ['bin', 'text', true],
    ['pcn', 'text'],
    ['group_id', 'text'],
    ['member_id', 'text', true],
    ['person_code', 'text'],
    ['relationship', 'text'],
    ['priority', 'integer', true, 1],
    ['effective_from', 'text'],
    ['effective_to', 'text'],
    ['active', 'integer', true, 1],
  ]);
  await table(db, 'patient_identifiers', [...pid, ['system', 'text', true], ['value', 'text', true]]);
  for (const t of [
    'patient_allergies',
    'patient_conditions',
    'patient_measurements',
    'patient_coverages',
    'patient_identifiers',
  ])
    await db.schema.createIndex(`${t}_patient`).on(t).columns(['patient_id']).execute();
  await db.schema
    .createIndex('patient_identifiers_value')
    .on('patient_identifiers')
    .columns(['site_id', 'system', 'value'])
    .execute();

  await table(db, 'prescriptions', [
    ['site_id', 'text', true],
    ['rx_number', 'integer', true],
    ['patient_id', 'text'],
    ['prescriber_id', 'text'],
    ['origin', 'text', true],
    ['status', 'text', true],
    ['drug_description', 'text', true],
    ['ndc11', 'text'],
    ['rxcui', 'text'],
    ['ingredients_json', 'text'],
    ['schedule', 'text'],
    ['sig_text', 'text'],
    ['sig_json', 'text'],
    ['quantity', 'real'],
    ['quantity_unit', 'text'],
    ['days_supply', 'integer'],
    ['refills_authorized', 'integer', true, 0],
    ['daw', 'text', true, '0'],
    ['written_date', 'text', true],
    ['expires_on', 'text'],
    ['notes', 'text'],
    ['erx_message_id', 'text'],
    ['document_id', 'text'],
    ['proposed_json', 'text'],
    ['transfer_json', 'text'],
    ['created_at', 'text', true],
    ['updated_at', 'text', true],
    ['version', 'integer', true, 1],
  ]);
  await db.schema
    .createIndex('prescriptions_site_rx')
    .on('prescriptions')
    .columns(['site_id', 'rx_number'])
    .unique()
    .execute();
  await db.schema.createIndex('prescriptions_patient').on('prescriptions').columns(['patient_id']).execute();

  await table(db, 'fills', [
    ['site_id', 'text', true],
    ['prescription_id', 'text', true],
    ['fill_number', 'integer', true],
    ['state', 'text', true],
    ['previous_state', 'text'],
    ['priority', 'text', true, 'normal'],
    ['promised_at', 'text'],
    ['quantity', 'real'],
    ['days_supply', 'integer'],
    ['ndc11_dispensed', 'text'],
    ['lot', 'text'],
    ['expiry', 'text'],
    ['scanned_code', 'text'],
    ['screening_json', 'text'],
    ['hold_reason', 'text'],
    ['claim_status', 'text', true, 'none'],
    ['dispensed_at', 'text'],
    ['sold_at', 'text'],
    ['pickup_json', 'text'],
    ['created_at', 'text', true],
    ['updated_at', 'text', true],
    ['state_changed_at', 'text', true],
    ['version', 'integer', true, 1],
  ]);
  await db.schema
    .createIndex('fills_queue')
    .on('fills')
    .columns(['site_id', 'state', 'state_changed_at'])
    .execute();
  await db.schema
    .createIndex('fills_rx')
    .on('fills')
    .columns(['prescription_id', 'fill_number'])
    .unique()
    .execute();

  await table(db, 'fill_events', [
    ['site_id', 'text', true],
    ['fill_id', 'text', true],
    ['action', 'text', true],
    ['from_state', 'text', true],
    ['to_state', 'text', true],
    ['user_id', 'text'],
    ['reason', 'text'],
    ['at', 'text', true],
  ]);
  await db.schema.createIndex('fill_events_fill').on('fill_events').columns(['fill_id']).execute();
  await table(db, 'screening_overrides', [
    ['site_id', 'text', true],
    ['fill_id', 'text', true],
    ['alert_id', 'text', true],
    ['severity', 'text', true],
    ['reason', 'text', true],
    ['user_id', 'text', true],
    ['at', 'text', true],
  ]);
  await db.schema
    .createIndex('screening_overrides_fill')
    .on('screening_overrides')
    .columns(['fill_id'])
    .execute();
  await table(db, 'scan_events', [
    ['site_id', 'text', true],
    ['fill_id', 'text', true],
    ['scanned', 'text', true],
    ['expected_ndc11', 'text', true],
    ['matched_ndc11', 'text'],
    ['result', 'text', true],
    ['detail', 'text'],
    ['user_id', 'text'],
    ['at', 'text', true],
  ]);
  await table(db, 'erx_messages', [
    ['site_id', 'text'],
    ['direction', 'text', true],
    ['message_type', 'text', true],
    ['message_id', 'text'],
    ['relates_to', 'text'],
    ['raw', 'text', true],
    ['parsed_json', 'text'],
    ['status', 'text', true],
    ['prescription_id', 'text'],
    ['at', 'text', true],
  ]);
  await db.schema.createIndex('erx_messages_msgid').on('erx_messages').columns(['message_id']).execute();
  await table(db, 'documents', [
    ['site_id', 'text', true],
    ['kind', 'text', true],
    ['content_type', 'text', true],
    ['filename', 'text'],
    ['content_base64', 'text', true],
    ['sha256', 'text', true],
    ['created_at', 'text', true],
  ]);
  await table(db, 'clarifications', [
    ['site_id', 'text', true],
    ['fill_id', 'text', true],
    ['channel', 'text', true],
    ['contact', 'text'],
    ['question', 'text', true],
    ['answer', 'text'],
    ['asked_by', 'text', true],
    ['asked_at', 'text', true],
    ['answered_by', 'text'],
    ['answered_at', 'text'],
  ]);
  await table(db, 'notifications', [
    ['site_id', 'text', true],
    ['patient_id', 'text'],
    ['kind', 'text', true],
    ['channel', 'text', true],
    ['payload_json', 'text', true],
    ['status', 'text', true],
    ['created_at', 'text', true],
    ['sent_at', 'text'],
  ]);
  await table(db, 'pse_sales', [
    ['site_id', 'text', true],
    ['purchaser_name', 'text', true],
    ['purchaser_address', 'text', true],
    ['id_type', 'text', true],
    ['id_number', 'text', true],
    ['product', 'text', true],
    ['ndc11', 'text'],
    ['units', 'integer', true],
    ['base_grams', 'real', true],
    ['user_id', 'text'],
    ['sold_at', 'text', true],
  ]);
  await db.schema
    .createIndex('pse_sales_purchaser')
    .on('pse_sales')
    .columns(['id_type', 'id_number', 'sold_at'])
    .execute();
  await db.schema
    .createTable('site_counters')
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('site_counters_pk', ['site_id', 'name'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'site_counters',
    'pse_sales',
    'notifications',
    'clarifications',
    'documents',
    'erx_messages',
    'scan_events',
    'screening_overrides',
    'fill_events',
    'fills',
    'prescriptions',
    'patient_identifiers',
    'patient_coverages',
    'patient_measurements',
    'patient_conditions',
    'patient_allergies',
  ])
    await db.schema.dropTable(t).execute();
}
