/** Tables of the prescription workflow (migration 0005). Same portable conventions as schema.ts. */
export interface PatientAllergyTable {
  id: string;
  site_id: string;
  patient_id: string;
  substance: string;
  reaction: string | null;
  severity: string | null;
  status: string;
  recorded_at: string;
}

export interface PatientConditionTable {
  id: string;
  site_id: string;
  patient_id: string;
  code: string | null;
  description: string;
  status: string;
  recorded_at: string;
}

export interface PatientMeasurementTable {
  id: string;
  site_id: string;
  patient_id: string;
  kind: string;
  value: number;
  unit: string;
  measured_on: string;
}

export interface PatientCoverageTable {
  id: string;
  site_id: string;
  patient_id: string;
  payer_name: string;
  bin: string;
  pcn: string | null;
  group_id: string | null;
  member_id: string;
  person_code: string | null;
  relationship: string | null;
  priority: number;
  effective_from: string | null;
  effective_to: string | null;
  active: number;
}

export interface PatientIdentifierTable {
  id: string;
  site_id: string;
  patient_id: string;
  system: string;
  value: string;
}

export interface PrescriptionTable {
  id: string;
  site_id: string;
  rx_number: number;
  patient_id: string | null;
  prescriber_id: string | null;
  origin: string;
  status: string;
  drug_description: string;
  ndc11: string | null;
  rxcui: string | null;
  ingredients_json: string | null;
  schedule: string | null;
  sig_text: string | null;
  sig_json: string | null;
  quantity: number | null;
  quantity_unit: string | null;
  days_supply: number | null;
  refills_authorized: number;
  daw: string;
  written_date: string;
  expires_on: string | null;
  notes: string | null;
  erx_message_id: string | null;
  document_id: string | null;
  proposed_json: string | null;
  transfer_json: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface FillTable {
  id: string;
  site_id: string;
  prescription_id: string;
  fill_number: number;
  state: string;
  previous_state: string | null;
  priority: string;
  promised_at: string | null;
  quantity: number | null;
  days_supply: number | null;
  ndc11_dispensed: string | null;
  lot: string | null;
  expiry: string | null;
  scanned_code: string | null;
  screening_json: string | null;
  hold_reason: string | null;
  claim_status: string;
  dispensed_at: string | null;
  sold_at: string | null;
  pickup_json: string | null;
  created_at: string;
  updated_at: string;
  state_changed_at: string;
  version: number;
}

export interface FillEventTable {
  id: string;
  site_id: string;
  fill_id: string;
  action: string;
  from_state: string;
  to_state: string;
  user_id: string | null;
  reason: string | null;
  at: string;
}

export interface ScreeningOverrideTable {
  id: string;
  site_id: string;
  fill_id: string;
  alert_id: string;
  severity: string;
  reason: string;
  user_id: string;
  at: string;
}

export interface ScanEventTable {
  id: string;
  site_id: string;
  fill_id: string;
  scanned: string;
  expected_ndc11: string;
  matched_ndc11: string | null;
  result: string;
  detail: string | null;
  user_id: string | null;
  at: string;
}

export interface ErxMessageTable {
  id: string;
  site_id: string | null;
  direction: string;
  message_type: string;
  message_id: string | null;
  relates_to: string | null;
  raw: string;
  parsed_json: string | null;
  status: string;
  prescription_id: string | null;
  at: string;
}

export interface DocumentTable {
  id: string;
  site_id: string;
  kind: string;
  content_type: string;
  filename: string | null;
  content_base64: string;
  sha256: string;
  created_at: string;
}

export interface ClarificationTable {
  id: string;
  site_id: string;
  fill_id: string;
  channel: string;
  contact: string | null;
  question: string;
  answer: string | null;
  asked_by: string;
  asked_at: string;
  answered_by: string | null;
  answered_at: string | null;
}

export interface NotificationTable {
  id: string;
  site_id: string;
  patient_id: string | null;
  kind: string;
  channel: string;
  payload_json: string;
  status: string;
  created_at: string;
  sent_at: string | null;
}

export interface PseSaleTable {
  id: string;
  site_id: string;
  purchaser_name: string;
  purchaser_address: string;
  id_type: string;
  id_number: string;
  product: string;
  ndc11: string | null;
  units: number;
  base_grams: number;
  user_id: string | null;
  sold_at: string;
}

export interface SiteCounterTable {
  site_id: string;
  name: string;
  value: number;
}

export interface RxTables {
  patient_allergies: PatientAllergyTable;
  patient_conditions: PatientConditionTable;
  patient_measurements: PatientMeasurementTable;
  patient_coverages: PatientCoverageTable;
  patient_identifiers: PatientIdentifierTable;
  prescriptions: PrescriptionTable;
  fills: FillTable;
  fill_events: FillEventTable;
  screening_overrides: ScreeningOverrideTable;
  scan_events: ScanEventTable;
  erx_messages: ErxMessageTable;
  documents: DocumentTable;
  clarifications: ClarificationTable;
  notifications: NotificationTable;
  pse_sales: PseSaleTable;
  site_counters: SiteCounterTable;
}
