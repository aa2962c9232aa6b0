/** Shapes of the prescriptions, drugs and inventory APIs (see GET /api/openapi.json, tags prescriptions/drugs). */
import type { ParsedSig } from '@apotheca/core/sig';

export const FILL_STATES = [
  'intake',
  'data_entry',
  'data_verification',
  'claim',
  'fill',
  'final_verification',
  'ready',
  'sold',
  'on_hold',
  'clarification',
  'cancelled',
  'returned_to_stock',
] as const;
export type FillState = (typeof FILL_STATES)[number];

export const STATE_LABELS: Record<FillState, string> = {
  intake: 'Intake',
  data_entry: 'Data entry',
  data_verification: 'Data verification',
  claim: 'Claim',
  fill: 'Fill',
  final_verification: 'Final verification',
  ready: 'Ready',
  sold: 'Sold',
  on_hold: 'On hold',
  clarification: 'Clarification',
  cancelled: 'Cancelled',
  returned_to_stock: 'Returned to stock',
};

export const stateLabel = (s: string): string => STATE_LABELS[s as FillState] ?? s.replaceAll('_', ' ');

export const PRIORITIES = ['waiter', 'normal', 'delivery', 'mail'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PRIORITY_LABELS: Record<string, string> = {
  waiter: 'Waiter',
  normal: 'Normal',
  delivery: 'Delivery',
  mail: 'Mail',
};

export interface QueueItem {
  fillId: string;
  siteId: string;
  rxNumber: number;
  fillNumber: number;
  state: FillState;
  priority: string;
  promisedAt: string | null;
  ageMinutes: number;
  drug: string;
  schedule: string | null;
  origin: string;
  patient: string | null;
  holdReason: string | null;
}

export interface QueueResponse {
  counts: Partial<Record<FillState, { count: number; oldestMinutes: number }>>;
  items: QueueItem[];
}

export type Severity = 'contraindicated' | 'major' | 'moderate' | 'minor' | 'info';

export interface ScreeningAlert {
  id: string;
  kind: string;
  severity: Severity;
  title: string;
  detail: string;
  management?: string;
  requiresOverride: boolean;
  source?: { citation?: string };
}

export interface Fill {
  id: string;
  site_id: string;
  prescription_id: string;
  fill_number: number;
  state: FillState;
  previous_state: string | null;
  priority: string;
  promised_at: string | null;
  quantity: number | null;
  days_supply: number | null;
  ndc11_dispensed: string | null;
  lot: string | null;
  expiry: string | null;
  scanned_code: string | null;
  hold_reason: string | null;
  claim_status: string;
  dispensed_at: string | null;
  sold_at: string | null;
  created_at: string;
  state_changed_at: string;
  version: number;
  screening: ScreeningAlert[];
  pickup: Record<string, unknown> | null;
}

export interface Prescription {
  id: string;
  site_id: string;
  rx_number: number;
  patient_id: string | null;
  prescriber_id: string | null;
  origin: string;
  status: string;
  drug_description: string;
  ndc11: string | null;
  schedule: string | null;
  sig_text: string | null;
  quantity: number | null;
  days_supply: number | null;
  refills_authorized: number;
  daw: string;
  written_date: string;
  expires_on: string | null;
  notes: string | null;
  erx_message_id: string | null;
  document_id: string | null;
  sig: ParsedSig | null;
  transfer: Record<string, unknown> | null;
}

export interface FillEvent {
  id: string;
  action: string;
  from_state: string;
  to_state: string;
  user_id: string | null;
  reason: string | null;
  at: string;
}

export interface ScanEvent {
  id: string;
  scanned: string;
  expected_ndc11: string;
  matched_ndc11: string | null;
  result: 'match' | 'mismatch';
  detail: string | null;
  at: string;
}

export interface Override {
  id: string;
  alert_id: string;
  reason: string;
  user_id: string;
  at: string;
}

export interface Clarification {
  id: string;
  channel: string;
  contact: string | null;
  question: string;
  answer: string | null;
  asked_at: string;
  answered_at: string | null;
}

export interface FillDetail {
  fill: Fill;
  prescription: Prescription;
  events: FillEvent[];
  overrides: Override[];
  scans: ScanEvent[];
  clarifications: Clarification[];
  availableActions: string[];
  /** What the prescriber wrote, kept apart from the entry (manual intake; e-prescriptions keep their message). */
  asWritten?: {
    drugDescription?: string;
    sigText?: string | null;
    quantity?: number | null;
    daysSupply?: number | null;
    refills?: number | null;
    daw?: string | null;
  } | null;
}

export interface Transition {
  action: string;
  from: string[];
  to: string;
  roles: string[];
  description: string;
  needsReason?: boolean;
}

export interface DrugHit {
  ndc11: string;
  ndc11Dashed: string;
  gtin14: string | null;
  name: string;
  genericName: string;
  proprietaryName: string | null;
  strength: string | null;
  dosageForm: string | null;
  route: string | null;
  packageDescription: string | null;
  labeler: string | null;
  deaSchedule: string | null;
  active: boolean;
  onFormulary: boolean;
}

export interface DrugSearch {
  query: string;
  kind: string;
  total: number;
  items: DrugHit[];
  /** GS1 elements when the query was a scan. */
  scan?: { gtin?: string; lot?: string; expiry?: string; serial?: string };
}

export interface DrugDetail {
  product: {
    displayName: string;
    nonproprietaryName: string | null;
    proprietaryName: string | null;
    dosageForm: string | null;
    route: string | null;
    labeler: string | null;
    strength: string | null;
    deaSchedule: string | null;
  };
  package: { ndc11: string; ndc11Dashed: string; gtin14: string | null; description: string | null };
  formulary: { status: string; tier: number | null } | null;
}

export interface EntryProduct {
  ndc11: string;
  description: string;
  genericName: string | null;
  brandName: string | null;
  dosageForm: string | null;
  strength: string | null;
  schedule: string | null;
  packageDescription: string | null;
  gtin14: string | null;
}

export interface EntryResult {
  prescription: Prescription;
  fill: Fill;
  product: EntryProduct;
  sig: ParsedSig;
  daysSupplyWorking: string[] | null;
  alerts: ScreeningAlert[];
}

export interface OnHand {
  siteId: string;
  location: string;
  ndc11: string;
  lot: string | null;
  expiry: string | null;
  serial: string | null;
  quantity: number;
}

export const ACTION_LABELS: Record<string, string> = {
  accept_intake: 'Accept intake',
  submit_entry: 'Submit entry',
  verify_data: 'Verify data',
  reject_data: 'Send back to entry',
  adjudicate: 'Adjudicate',
  record_fill: 'Record fill',
  verify_final: 'Verify & sign',
  reject_final: 'Send back to fill',
  sell: 'Sell',
  hold: 'Hold',
  release_hold: 'Release hold',
  request_clarification: 'Clarify with prescriber',
  resolve_clarification: 'Record answer',
  cancel: 'Cancel fill',
  return_to_stock: 'Return to stock',
  erx_cancel: 'Cancelled by the prescriber (CancelRx)',
  erx_change: 'Changed by the prescriber (RxChange)',
};

/** Actions that need a reason (mirrors GET /api/workflow `needsReason`). */
export const NEEDS_REASON = new Set([
  'reject_data',
  'reject_final',
  'hold',
  'request_clarification',
  'cancel',
  'return_to_stock',
]);

export const fmtNdc = (ndc11: string | null | undefined): string =>
  ndc11 && /^\d{11}$/.test(ndc11)
    ? `${ndc11.slice(0, 5)}-${ndc11.slice(5, 9)}-${ndc11.slice(9)}`
    : (ndc11 ?? '—');

export function fmtAge(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 60 * 24) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return `${Math.floor(minutes / 1440)} d ${Math.floor((minutes % 1440) / 60)} h`;
}
