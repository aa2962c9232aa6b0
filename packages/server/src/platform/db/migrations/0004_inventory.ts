import type { CreateTableBuilder, Kysely } from 'kysely';

// Inventory, purchasing, DSCSA and controlled substances (issue 6).
// Stock rows are keyed by ndc11 text with no foreign key to drug_packages, so inventory works before (and
// without) the drug catalogue being imported. Quantities are integer thousandths of a unit ("milli-units") so
// that sums are exact: 2.5 mL is 2500. Missing lot/expiry/serial are '' (not NULL) so they can sit in a
// unique key on both databases.
const text = <N extends string, C extends string>(t: CreateTableBuilder<N, C>, ...cols: string[]) =>
  cols.reduce((b, c) => b.addColumn(c, 'text') as unknown as CreateTableBuilder<N, C>, t);

export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('inv_locations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('inv_locations_site_code', ['site_id', 'code'])
    .execute();

  await s
    .createTable('inv_balances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('ndc11', 'text', (c) => c.notNull())
    .addColumn('lot', 'text', (c) => c.notNull())
    .addColumn('expiry', 'text', (c) => c.notNull())
    .addColumn('serial', 'text', (c) => c.notNull())
    .addColumn('qty_milli', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('inv_balances_key', ['site_id', 'ndc11', 'location', 'lot', 'expiry', 'serial'])
    .execute();
  await s.createIndex('inv_balances_loc').on('inv_balances').columns(['site_id', 'location']).execute();

  await s
    .createTable('inv_movements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('ndc11', 'text', (c) => c.notNull())
    .addColumn('lot', 'text', (c) => c.notNull())
    .addColumn('expiry', 'text', (c) => c.notNull())
    .addColumn('serial', 'text', (c) => c.notNull())
    .addColumn('qty_milli', 'bigint', (c) => c.notNull())
    .addColumn('balance_after_milli', 'bigint', (c) => c.notNull())
    .addColumn('negative_flag', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unit_cost_micro', 'bigint')
    .addColumn('user_id', 'text')
    .addColumn('witness_user_id', 'text')
    .addColumn('patient_id', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .$call((t) => text(t, 'reason', 'reference'))
    .addUniqueConstraint('inv_movements_idem', ['site_id', 'idempotency_key'])
    .execute();
  await s
    .createIndex('inv_movements_ndc')
    .on('inv_movements')
    .columns(['site_id', 'ndc11', 'occurred_at'])
    .execute();
  await s.createIndex('inv_movements_lot').on('inv_movements').columns(['ndc11', 'lot']).execute();
  await s
    .createIndex('inv_movements_user')
    .on('inv_movements')
    .columns(['site_id', 'user_id', 'occurred_at'])
    .execute();

  // Product settings per site: schedule override (when the catalogue lacks it), cost, package multiple, par.
  await s
    .createTable('inv_items')
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('ndc11', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('dea_schedule', 'text')
    .addColumn('package_qty', 'real', (c) => c.notNull().defaultTo(1))
    .addColumn('unit_cost_micro', 'bigint')
    .addColumn('lead_time_days', 'integer', (c) => c.notNull().defaultTo(2))
    .addColumn('safety_days', 'integer', (c) => c.notNull().defaultTo(2))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inv_items_pk', ['site_id', 'ndc11'])
    .execute();
  await s
    .createTable('inv_par_levels')
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('ndc11', 'text', (c) => c.notNull())
    .addColumn('min_milli', 'bigint', (c) => c.notNull())
    .addColumn('max_milli', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inv_par_pk', ['site_id', 'location', 'ndc11'])
    .execute();

  // Receiving, discrepancies, DSCSA.
  await s
    .createTable('inv_receipts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('po_id', 'text')
    .addColumn('shipment_id', 'text')
    .addColumn('received_by', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('quarantined', 'integer', (c) => c.notNull().defaultTo(0))
    .$call((t) => text(t, 'notes', 'lines_json'))
    .execute();
  await s
    .createTable('inv_receipt_discrepancies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('receipt_id', 'text', (c) => c.notNull())
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('ndc11', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('qty_milli', 'bigint', (c) => c.notNull())
    .addColumn('supplier_id', 'text')
    .addColumn('reported_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .$call((t) => text(t, 'lot', 'notes'))
    .execute();
  await s
    .createTable('dscsa_shipments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('po_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('statement_present', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .$call((t) =>
      text(t, 'asn_number', 'shipped_at', 'seller_name', 'ti_json', 'th_json', 'statement_text', 'raw_x12'),
    )
    .execute();
  await s
    .createTable('dscsa_investigations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('ndc11', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .$call((t) =>
      text(t, 'lot', 'serial', 'reason', 'findings', 'outcome', 'fda_notified_at', 'closed_by', 'closed_at'),
    )
    .execute();
  await s
    .createTable('dscsa_verifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('ndc11', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('verified_by', 'text', (c) => c.notNull())
    .addColumn('verified_at', 'text', (c) => c.notNull())
    .$call((t) => text(t, 'gtin', 'lot', 'serial', 'expiry', 'method', 'notes'))
    .execute();

  // Purchasing.
  await s
    .createTable('inv_suppliers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .$call((t) => text(t, 'x12_id', 'x12_qualifier', 'dea_number', 'email'))
    .execute();
  await s
    .createTable('inv_supplier_items')
    .addColumn('supplier_id', 'text', (c) => c.notNull())
    .addColumn('ndc11', 'text', (c) => c.notNull())
    .addColumn('package_qty', 'real', (c) => c.notNull())
    .addColumn('package_cost_cents', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .$call((t) => text(t, 'supplier_item_no', 'description'))
    .addPrimaryKeyConstraint('inv_supplier_items_pk', ['supplier_id', 'ndc11'])
    .execute();
  await s
    .createTable('inv_price_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('supplier_id', 'text', (c) => c.notNull())
    .addColumn('ndc11', 'text', (c) => c.notNull())
    .addColumn('package_cost_cents', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('effective_at', 'text', (c) => c.notNull())
    .execute();
  await s
    .createIndex('inv_price_history_ndc')
    .on('inv_price_history')
    .columns(['ndc11', 'effective_at'])
    .execute();
  await s
    .createTable('inv_purchase_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('supplier_id', 'text', (c) => c.notNull())
    .addColumn('po_number', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .$call((t) => text(t, 'dea_form_222_number', 'csos_order_number', 'sent_at', 'acknowledged_at'))
    .addUniqueConstraint('inv_po_number', ['site_id', 'po_number'])
    .execute();
  await s
    .createTable('inv_po_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('po_id', 'text', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('ndc11', 'text', (c) => c.notNull())
    .addColumn('packages_ordered', 'integer', (c) => c.notNull())
    .addColumn('package_qty', 'real', (c) => c.notNull())
    .addColumn('package_cost_cents', 'integer', (c) => c.notNull())
    .addColumn('packages_acknowledged', 'integer')
    .addColumn('packages_backordered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('units_received_milli', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('ack_status', 'text')
    .execute();
  await s.createIndex('inv_po_lines_po').on('inv_po_lines').column('po_id').execute();
  await s
    .createTable('inv_invoices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('po_id', 'text')
    .addColumn('invoice_number', 'text', (c) => c.notNull())
    .addColumn('total_cents', 'integer', (c) => c.notNull())
    .addColumn('lines_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('invoice_date', 'text')
    .execute();

  // Recalls.
  await s
    .createTable('inv_recalls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('ndc11', 'text', (c) => c.notNull())
    .addColumn('lots_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .$call((t) => text(t, 'reason', 'classification', 'recall_number'))
    .execute();

  // Controlled substances.
  await s
    .createTable('cs_inventories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .addColumn('time_of_day', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('lines_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .$call((t) => text(t, 'signature_id', 'signed_by', 'signed_at'))
    .execute();
  await s
    .createTable('cs_loss_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('discovered_at', 'text', (c) => c.notNull())
    .addColumn('lines_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .$call((t) =>
      text(
        t,
        'description',
        'field_office_notified_at',
        'dea_106_number',
        'dea_106_filed_at',
        'police_report',
      ),
    )
    .execute();
  await s
    .createTable('cs_discrepancies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('ndc11', 'text', (c) => c.notNull())
    .addColumn('expected_milli', 'bigint', (c) => c.notNull())
    .addColumn('actual_milli', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .$call((t) =>
      text(
        t,
        'source',
        'notes_json',
        'resolution',
        'loss_report_id',
        'signature_id',
        'closed_by',
        'closed_at',
      ),
    )
    .execute();

  // Counts.
  await s
    .createTable('inv_counts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('blind', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .$call((t) => text(t, 'location', 'ndc11', 'submitted_by', 'submitted_at', 'approved_by', 'approved_at'))
    .execute();
  await s
    .createTable('inv_count_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('count_id', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('ndc11', 'text', (c) => c.notNull())
    .addColumn('lot', 'text', (c) => c.notNull())
    .addColumn('expiry', 'text', (c) => c.notNull())
    .addColumn('serial', 'text', (c) => c.notNull())
    .addColumn('expected_milli', 'bigint', (c) => c.notNull())
    .addColumn('counted_milli', 'bigint')
    .execute();
  await s.createIndex('inv_count_lines_count').on('inv_count_lines').column('count_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'inv_count_lines',
    'inv_counts',
    'cs_discrepancies',
    'cs_loss_reports',
    'cs_inventories',
    'inv_recalls',
    'inv_invoices',
    'inv_po_lines',
    'inv_purchase_orders',
    'inv_price_history',
    'inv_supplier_items',
    'inv_suppliers',
    'dscsa_verifications',
    'dscsa_investigations',
    'dscsa_shipments',
    'inv_receipt_discrepancies',
    'inv_receipts',
    'inv_par_levels',
    'inv_items',
    'inv_movements',
    'inv_balances',
    'inv_locations',
  ])
    await db.schema.dropTable(t).execute();
}
