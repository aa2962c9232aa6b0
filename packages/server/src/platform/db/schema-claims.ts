/** Tables of the claims module (migration 0006). Same portable conventions as schema.ts; money in integer cents. */
export interface PayerEndpointTable {
  id: string;
  bin: string;
  /** '' matches any PCN of the BIN. */
  pcn: string;
  /** tcp://host:port (4-byte length prefix + D.0) or http(s)://host:port/d0 */
  url: string;
  timeout_ms: number;
  created_at: string;
  updated_at: string;
}

export interface ClaimTable {
  id: string;
  site_id: string;
  fill_id: string;
  prescription_id: string;
  patient_id: string;
  coverage_id: string;
  /** 1 primary, 2 secondary (coordination of benefits level). */
  cob_order: number;
  payer_name: string;
  bin: string;
  pcn: string;
  group_id: string | null;
  member_id: string;
  person_code: string | null;
  service_provider_id: string;
  rx_number: string;
  fill_number: number;
  /** CCYYMMDD as sent; a reversal must repeat it. */
  date_of_service: string;
  ndc11: string;
  quantity: number;
  days_supply: number;
  /** new | sending | paid | captured | rejected | unknown | reversed | failed */
  status: string;
  attempt: number;
  in_flight: string | null;
  auth_number: string | null;
  patient_pay_cents: number | null;
  plan_pay_cents: number | null;
  ingredient_cost_paid_cents: number | null;
  dispensing_fee_paid_cents: number | null;
  other_payer_amount_cents: number | null;
  submitted_gross_cents: number;
  usual_customary_cents: number;
  reject_codes_json: string;
  message: string | null;
  response_json: string | null;
  dur_override_json: string | null;
  pa_number: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  reversed_at: string | null;
  reversal_reason: string | null;
  version: number;
}

export interface ClaimTransmissionTable {
  id: string;
  site_id: string;
  claim_id: string | null;
  patient_id: string | null;
  /** B1 | B2 | B3 | E1 */
  kind: string;
  attempt: number;
  idempotency_key: string;
  request_raw: string;
  response_raw: string | null;
  /** sent | received | unknown (timed out / dropped: the payer may have it) | failed (never reached the payer) */
  status: string;
  response_status: string | null;
  reject_codes_json: string;
  error: string | null;
  endpoint: string | null;
  user_id: string | null;
  sent_at: string;
  received_at: string | null;
  duration_ms: number | null;
}

export interface PaCaseTable {
  id: string;
  site_id: string;
  patient_id: string;
  prescription_id: string | null;
  fill_id: string | null;
  claim_id: string | null;
  ndc11: string;
  drug_description: string;
  payer_name: string;
  bin: string;
  pcn: string;
  group_id: string | null;
  member_id: string;
  prescriber_id: string | null;
  diagnosis_code: string | null;
  /** needed | sent_to_prescriber | submitted | approved | denied | appealed | cancelled */
  status: string;
  pa_number: string | null;
  expires_on: string | null;
  denial_reason: string | null;
  notes: string | null;
  document_ids_json: string;
  patient_notified_at: string | null;
  last_activity_at: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface PaEventTable {
  id: string;
  site_id: string;
  pa_case_id: string;
  from_status: string | null;
  to_status: string;
  note: string | null;
  user_id: string | null;
  at: string;
}

export interface CashPricingRuleTable {
  id: string;
  site_id: string;
  /** Markup on acquisition cost in basis points (2500 = 25%). */
  markup_bp: number;
  dispensing_fee_cents: number;
  minimum_cents: number;
  updated_at: string;
}

export interface DiscountProgramTable {
  id: string;
  organization_id: string;
  site_id: string | null;
  name: string;
  /** percent_off_uc (percent_bp off usual & customary) | acquisition_plus (acquisition + percent_bp + fee_cents) */
  kind: string;
  percent_bp: number;
  fee_cents: number;
  active: number;
  created_at: string;
}

export interface ClaimTables {
  payer_endpoints: PayerEndpointTable;
  claims: ClaimTable;
  claim_transmissions: ClaimTransmissionTable;
  pa_cases: PaCaseTable;
  pa_events: PaEventTable;
  cash_pricing_rules: CashPricingRuleTable;
  discount_programs: DiscountProgramTable;
}
