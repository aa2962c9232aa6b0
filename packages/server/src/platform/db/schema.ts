import type { ClaimTables } from './schema-claims';
import type { RxTables } from './schema-rx';

/**
 * Table types for Kysely. Portable column choices (both SQLite and PostgreSQL):
 * ids are text (UUIDs), timestamps are ISO-8601 UTC text (sortable), booleans are integers 0/1,
 * JSON is text. Dialect differences stay inside platform/db.
 */
export interface OrganizationTable {
  id: string;
  name: string;
  created_at: string;
}

export const SETTING_TYPES = [
  'community',
  'hospital',
  'mail_order',
  'ltc',
  'federal',
  'correctional',
  'manufacturing',
  'clinical_trial',
  'clinic',
] as const;
export type SettingType = (typeof SETTING_TYPES)[number];

export interface SiteTable {
  id: string;
  organization_id: string;
  code: string;
  name: string;
  setting_type: SettingType;
  address_line1: string | null;
  address_line2: string | null;
  city: string | null;
  state: string | null;
  postal_code: string | null;
  phone: string | null;
  ncpdp_id: string | null;
  npi: string | null;
  dea_number: string | null;
  time_zone: string;
  allow_negative_on_hand: number;
  created_at: string;
}

export interface UserTable {
  id: string;
  organization_id: string;
  username: string;
  display_name: string;
  password_hash: string;
  is_active: number;
  failed_logins: number;
  locked_until: string | null;
  clearance_level: number;
  cs_privileges: string;
  created_at: string;
  password_changed_at: string;
}

export interface UserRoleTable {
  user_id: string;
  site_id: string;
  role: string;
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  client_address: string | null;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  scopes: string;
  site_id: string | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  seq: number;
  id: string;
  occurred_at: string;
  user_id: string | null;
  organization_id: string | null;
  site_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  reason: string | null;
  before_json: string | null;
  after_json: string | null;
  client_address: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface SignatureTable {
  id: string;
  user_id: string;
  signer_name: string;
  site_id: string | null;
  meaning: string;
  entity_type: string;
  entity_id: string;
  reason: string | null;
  signed_at: string;
  audit_seq: number;
}

export interface PatientTable {
  id: string;
  site_id: string;
  mrn: string;
  first_name: string;
  last_name: string;
  birth_date: string;
  sex: string;
  phone: string | null;
  address_line1: string | null;
  city: string | null;
  state: string | null;
  postal_code: string | null;
  language: string | null;
  allergy_status: string;
  created_at: string;
  updated_at: string;
  version: number;
  pregnancy_status: string;
  lactating: number;
  preferences_json: string;
  merged_into_id: string | null;
}

/** Append-only patient note (migration 0007): corrected by a newer note that supersedes it, never edited. */
export interface PatientNoteTable {
  id: string;
  site_id: string;
  patient_id: string;
  /** general | clinical | allergy_history | billing | delivery | counseling (NOTE_CATEGORIES) */
  category: string;
  text: string;
  /** 1 = shown as an alert on the profile and on the patient's prescriptions while not superseded. */
  pinned: number;
  /** The earlier note this one corrects; unique, so a note is superseded at most once. */
  supersedes_id: string | null;
  author_user_id: string;
  created_at: string;
}

export interface PrescriberTable {
  id: string;
  site_id: string;
  first_name: string;
  last_name: string;
  credential: string | null;
  npi: string;
  dea_number: string | null;
  state_license: string | null;
  specialty: string | null;
  phone: string | null;
  fax: string | null;
  is_test_identifier: number;
  created_at: string;
  updated_at: string;
  supervising_prescriber_id: string | null;
  address_line1: string | null;
  city: string | null;
  state: string | null;
  postal_code: string | null;
}

export interface DrugImportRunTable {
  id: string;
  kind: string;
  source: string;
  files_json: string;
  status: string;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  obsoleted: number;
  summary_json: string | null;
  started_at: string;
  finished_at: string | null;
}

export interface DrugProductTable {
  id: string;
  product_key: string;
  product_ndc: string;
  product_type: string | null;
  proprietary_name: string | null;
  proprietary_name_suffix: string | null;
  nonproprietary_name: string | null;
  dosage_form: string | null;
  route: string | null;
  labeler: string | null;
  marketing_category: string | null;
  application_number: string | null;
  marketing_start: string | null;
  marketing_end: string | null;
  dea_schedule: string | null;
  pharm_classes_json: string;
  ingredients_json: string;
  rxcui: string | null;
  ingredient_rxcuis_json: string;
  niosh_group: number | null;
  listing_certified_through: string | null;
  source: string;
  row_hash: string;
  is_active: number;
  obsolete_at: string | null;
  last_run_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface DrugPackageTable {
  ndc11: string;
  product_id: string;
  ndc10: string | null;
  gtin14: string | null;
  description: string | null;
  quantity: number | null;
  quantity_unit: string | null;
  unit_of_use: number | null;
  marketing_start: string | null;
  marketing_end: string | null;
  is_sample: number;
  awp_cents: number | null;
  wac_cents: number | null;
  acquisition_per_unit: string | null;
  price_unit: string | null;
  price_source: string | null;
  price_date: string | null;
  source: string;
  row_hash: string;
  is_active: number;
  obsolete_at: string | null;
  last_run_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface DrugProductHistoryTable {
  id: string;
  run_id: string;
  entity_type: string;
  entity_id: string;
  change: string;
  before_json: string | null;
  changed_at: string;
}

export interface DrugRxnormConceptTable {
  rxcui: string;
  name: string;
  tty: string;
  suppress: string | null;
  last_run_id: string | null;
}

export interface DrugNdcRxcuiTable {
  ndc11: string;
  rxcui: string;
  last_run_id: string | null;
}

export interface DrugNioshTable {
  name_key: string;
  name: string;
  niosh_group: number;
  last_run_id: string | null;
}

export interface FormularyTable {
  id: string;
  organization_id: string;
  /** Null: the organization's shared formulary (e.g. a national formulary for a whole health system). */
  site_id: string | null;
  name: string;
  created_at: string;
}

export interface FormularyEntryTable {
  id: string;
  formulary_id: string;
  match_type: string;
  match_value: string;
  drug_name: string;
  status: string;
  tier: number | null;
  criteria_for_use: string | null;
  prior_auth_criteria: string | null;
  quantity_limit: string | null;
  step_therapy: string | null;
  alternatives_json: string;
  notes: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface FormularyRequestTable {
  id: string;
  organization_id: string;
  site_id: string;
  ndc11: string | null;
  rxcui: string | null;
  drug_name: string;
  indication: string;
  justification: string;
  patient_id: string | null;
  status: string;
  requested_by: string;
  requested_at: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  decision_reason: string | null;
  version: number;
}

// Inventory (migration 0004). Quantities are integer thousandths of a unit; '' means "no lot/expiry/serial".
export interface InvLocationTable {
  id: string;
  site_id: string;
  code: string;
  name: string;
  kind: string;
  is_active: number;
  created_at: string;
}

export interface InvBalanceTable {
  id: string;
  site_id: string;
  location: string;
  ndc11: string;
  lot: string;
  expiry: string;
  serial: string;
  qty_milli: number;
  updated_at: string;
}

export interface InvMovementTable {
  id: string;
  group_id: string;
  site_id: string;
  type: string;
  location: string;
  ndc11: string;
  lot: string;
  expiry: string;
  serial: string;
  qty_milli: number;
  balance_after_milli: number;
  negative_flag: number;
  unit_cost_micro: number | null;
  user_id: string | null;
  witness_user_id: string | null;
  patient_id: string | null;
  idempotency_key: string | null;
  occurred_at: string;
  reason: string | null;
  reference: string | null;
}

export interface InvItemTable {
  site_id: string;
  ndc11: string;
  description: string | null;
  dea_schedule: string | null;
  package_qty: number;
  unit_cost_micro: number | null;
  lead_time_days: number;
  safety_days: number;
  updated_at: string;
}

export interface InvParLevelTable {
  site_id: string;
  location: string;
  ndc11: string;
  min_milli: number;
  max_milli: number;
  updated_at: string;
}

export interface InvReceiptTable {
  id: string;
  site_id: string;
  po_id: string | null;
  shipment_id: string | null;
  received_by: string;
  received_at: string;
  quarantined: number;
  notes: string | null;
  lines_json: string | null;
}

export interface InvReceiptDiscrepancyTable {
  id: string;
  receipt_id: string;
  site_id: string;
  ndc11: string;
  kind: string;
  qty_milli: number;
  supplier_id: string | null;
  reported_at: string | null;
  created_at: string;
  lot: string | null;
  notes: string | null;
}

export interface DscsaShipmentTable {
  id: string;
  site_id: string;
  po_id: string | null;
  source: string;
  statement_present: number;
  status: string;
  created_at: string;
  asn_number: string | null;
  shipped_at: string | null;
  seller_name: string | null;
  ti_json: string | null;
  th_json: string | null;
  statement_text: string | null;
  raw_x12: string | null;
}

export interface DscsaInvestigationTable {
  id: string;
  site_id: string;
  ndc11: string;
  kind: string;
  status: string;
  opened_by: string;
  opened_at: string;
  lot: string | null;
  serial: string | null;
  reason: string | null;
  findings: string | null;
  outcome: string | null;
  fda_notified_at: string | null;
  closed_by: string | null;
  closed_at: string | null;
}

export interface DscsaVerificationTable {
  id: string;
  site_id: string;
  ndc11: string;
  result: string;
  verified_by: string;
  verified_at: string;
  gtin: string | null;
  lot: string | null;
  serial: string | null;
  expiry: string | null;
  method: string | null;
  notes: string | null;
}

export interface InvSupplierTable {
  id: string;
  organization_id: string;
  name: string;
  created_at: string;
  x12_id: string | null;
  x12_qualifier: string | null;
  dea_number: string | null;
  email: string | null;
}

export interface InvSupplierItemTable {
  supplier_id: string;
  ndc11: string;
  package_qty: number;
  package_cost_cents: number;
  updated_at: string;
  supplier_item_no: string | null;
  description: string | null;
}

export interface InvPriceHistoryTable {
  id: string;
  supplier_id: string;
  ndc11: string;
  package_cost_cents: number;
  source: string;
  effective_at: string;
}

export interface InvPurchaseOrderTable {
  id: string;
  site_id: string;
  supplier_id: string;
  po_number: string;
  status: string;
  created_by: string;
  created_at: string;
  version: number;
  dea_form_222_number: string | null;
  csos_order_number: string | null;
  sent_at: string | null;
  acknowledged_at: string | null;
}

export interface InvPoLineTable {
  id: string;
  po_id: string;
  line_no: number;
  ndc11: string;
  packages_ordered: number;
  package_qty: number;
  package_cost_cents: number;
  packages_acknowledged: number | null;
  packages_backordered: number;
  units_received_milli: number;
  ack_status: string | null;
}

export interface InvInvoiceTable {
  id: string;
  site_id: string;
  po_id: string | null;
  invoice_number: string;
  total_cents: number;
  lines_json: string;
  created_at: string;
  invoice_date: string | null;
}

export interface InvRecallTable {
  id: string;
  organization_id: string;
  ndc11: string;
  lots_json: string;
  created_by: string;
  created_at: string;
  reason: string | null;
  classification: string | null;
  recall_number: string | null;
}

export interface CsInventoryTable {
  id: string;
  site_id: string;
  kind: string;
  taken_at: string;
  time_of_day: string;
  status: string;
  lines_json: string;
  created_by: string;
  created_at: string;
  signature_id: string | null;
  signed_by: string | null;
  signed_at: string | null;
}

export interface CsLossReportTable {
  id: string;
  site_id: string;
  kind: string;
  discovered_at: string;
  lines_json: string;
  created_by: string;
  created_at: string;
  description: string | null;
  field_office_notified_at: string | null;
  dea_106_number: string | null;
  dea_106_filed_at: string | null;
  police_report: string | null;
}

export interface CsDiscrepancyTable {
  id: string;
  site_id: string;
  ndc11: string;
  expected_milli: number;
  actual_milli: number;
  status: string;
  opened_by: string;
  opened_at: string;
  version: number;
  source: string | null;
  notes_json: string | null;
  resolution: string | null;
  loss_report_id: string | null;
  signature_id: string | null;
  closed_by: string | null;
  closed_at: string | null;
}

export interface InvCountTable {
  id: string;
  site_id: string;
  scope: string;
  blind: number;
  status: string;
  created_by: string;
  created_at: string;
  location: string | null;
  ndc11: string | null;
  submitted_by: string | null;
  submitted_at: string | null;
  approved_by: string | null;
  approved_at: string | null;
}

export interface InvCountLineTable {
  id: string;
  count_id: string;
  location: string;
  ndc11: string;
  lot: string;
  expiry: string;
  serial: string;
  expected_milli: number;
  counted_milli: number | null;
}

export interface Database extends RxTables, ClaimTables {
  organizations: OrganizationTable;
  sites: SiteTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  signatures: SignatureTable;
  patients: PatientTable;
  patient_notes: PatientNoteTable;
  prescribers: PrescriberTable;
  drug_import_runs: DrugImportRunTable;
  drug_products: DrugProductTable;
  drug_packages: DrugPackageTable;
  drug_product_history: DrugProductHistoryTable;
  drug_rxnorm_concepts: DrugRxnormConceptTable;
  drug_ndc_rxcui: DrugNdcRxcuiTable;
  drug_niosh: DrugNioshTable;
  formularies: FormularyTable;
  formulary_entries: FormularyEntryTable;
  formulary_requests: FormularyRequestTable;
  inv_locations: InvLocationTable;
  inv_balances: InvBalanceTable;
  inv_movements: InvMovementTable;
  inv_items: InvItemTable;
  inv_par_levels: InvParLevelTable;
  inv_receipts: InvReceiptTable;
  inv_receipt_discrepancies: InvReceiptDiscrepancyTable;
  dscsa_shipments: DscsaShipmentTable;
  dscsa_investigations: DscsaInvestigationTable;
  dscsa_verifications: DscsaVerificationTable;
  inv_suppliers: InvSupplierTable;
  inv_supplier_items: InvSupplierItemTable;
  inv_price_history: InvPriceHistoryTable;
  inv_purchase_orders: InvPurchaseOrderTable;
  inv_po_lines: InvPoLineTable;
  inv_invoices: InvInvoiceTable;
  inv_recalls: InvRecallTable;
  cs_inventories: CsInventoryTable;
  cs_loss_reports: CsLossReportTable;
  cs_discrepancies: CsDiscrepancyTable;
  inv_counts: InvCountTable;
  inv_count_lines: InvCountLineTable;
}
