import type { Kysely } from 'kysely';

// Drug knowledge base (issue 3): products and packages keyed by NDC, import runs with per-row history,
// RxNorm concepts and NDC links, the NIOSH hazardous-drug list, formularies and non-formulary requests.
// The catalogue is reference data shared by every organization; formularies belong to a site or an organization.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('drug_import_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('files_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('inserted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('obsoleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('summary_json', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();

  await db.schema
    .createTable('drug_products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_key', 'text', (c) => c.notNull())
    .addColumn('product_ndc', 'text', (c) => c.notNull())
    .addColumn('product_type', 'text')
    .addColumn('proprietary_name', 'text')
    .addColumn('proprietary_name_suffix', 'text')
    .addColumn('nonproprietary_name', 'text')
    .addColumn('dosage_form', 'text')
    .addColumn('route', 'text')
    .addColumn('labeler', 'text')
    .addColumn('marketing_category', 'text')
    .addColumn('application_number', 'text')
    .addColumn('marketing_start', 'text')
    .addColumn('marketing_end', 'text')
    .addColumn('dea_schedule', 'text')
    .addColumn('pharm_classes_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('ingredients_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('rxcui', 'text')
    .addColumn('ingredient_rxcuis_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('niosh_group', 'integer')
    .addColumn('listing_certified_through', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('row_hash', 'text', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('obsolete_at', 'text')
    .addColumn('last_run_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('drug_products_key').on('drug_products').column('product_key').execute();
  await db.schema.createIndex('drug_products_source').on('drug_products').column('source').execute();

  await db.schema
    .createTable('drug_packages')
    .addColumn('ndc11', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull().references('drug_products.id'))
    .addColumn('ndc10', 'text')
    .addColumn('gtin14', 'text')
    .addColumn('description', 'text')
    .addColumn('quantity', 'real')
    .addColumn('quantity_unit', 'text')
    .addColumn('unit_of_use', 'integer')
    .addColumn('marketing_start', 'text')
    .addColumn('marketing_end', 'text')
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('awp_cents', 'integer')
    .addColumn('wac_cents', 'integer')
    .addColumn('acquisition_per_unit', 'text')
    .addColumn('price_unit', 'text')
    .addColumn('price_source', 'text')
    .addColumn('price_date', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('row_hash', 'text', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('obsolete_at', 'text')
    .addColumn('last_run_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('drug_packages_product').on('drug_packages').column('product_id').execute();
  await db.schema.createIndex('drug_packages_gtin').on('drug_packages').column('gtin14').execute();

  await db.schema
    .createTable('drug_product_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('drug_product_history_entity')
    .on('drug_product_history')
    .columns(['entity_type', 'entity_id'])
    .execute();

  await db.schema
    .createTable('drug_rxnorm_concepts')
    .addColumn('rxcui', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('tty', 'text', (c) => c.notNull())
    .addColumn('suppress', 'text')
    .addColumn('last_run_id', 'text')
    .execute();
  await db.schema
    .createTable('drug_ndc_rxcui')
    .addColumn('ndc11', 'text', (c) => c.primaryKey())
    .addColumn('rxcui', 'text', (c) => c.notNull())
    .addColumn('last_run_id', 'text')
    .execute();
  await db.schema.createIndex('drug_ndc_rxcui_rxcui').on('drug_ndc_rxcui').column('rxcui').execute();

  await db.schema
    .createTable('drug_niosh')
    .addColumn('name_key', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('niosh_group', 'integer', (c) => c.notNull())
    .addColumn('last_run_id', 'text')
    .execute();

  await db.schema
    .createTable('formularies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('site_id', 'text', (c) => c.references('sites.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('formularies_owner')
    .on('formularies')
    .columns(['organization_id', 'site_id'])
    .execute();

  await db.schema
    .createTable('formulary_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('formulary_id', 'text', (c) => c.notNull().references('formularies.id'))
    .addColumn('match_type', 'text', (c) => c.notNull())
    .addColumn('match_value', 'text', (c) => c.notNull())
    .addColumn('drug_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('tier', 'integer')
    .addColumn('criteria_for_use', 'text')
    .addColumn('prior_auth_criteria', 'text')
    .addColumn('quantity_limit', 'text')
    .addColumn('step_therapy', 'text')
    .addColumn('alternatives_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('formulary_entries_match', ['formulary_id', 'match_type', 'match_value'])
    .execute();

  await db.schema
    .createTable('formulary_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('ndc11', 'text')
    .addColumn('rxcui', 'text')
    .addColumn('drug_name', 'text', (c) => c.notNull())
    .addColumn('indication', 'text', (c) => c.notNull())
    .addColumn('justification', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('formulary_requests_site')
    .on('formulary_requests')
    .columns(['site_id', 'status'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'formulary_requests',
    'formulary_entries',
    'formularies',
    'drug_niosh',
    'drug_ndc_rxcui',
    'drug_rxnorm_concepts',
    'drug_product_history',
    'drug_packages',
    'drug_products',
    'drug_import_runs',
  ])
    await db.schema.dropTable(t).execute();
}
