/** Shapes and calls of the claims and prior-authorization APIs (docs/claims.md; GET /api/openapi.json, tag claims). */
import { api } from './client';

export interface DurConflict {
  reasonForServiceCode?: string;
  clinicalSignificanceCode?: string;
  previousDateOfFill?: string;
  quantityOfPreviousFill?: number;
  otherPharmacyIndicator?: string;
  freeText?: string;
  additionalText?: string;
}

export interface OtherPayer {
  bin?: string;
  pcn?: string;
  cardholderId?: string;
  groupId?: string;
  coverageType: string;
}

export interface NextAction {
  kind: string;
  label: string;
  field?: string;
  alternatives?: { ndc11: string; description?: string }[];
  allowedQuantity?: number;
  allowedDaysSupply?: number;
  proposal?: { quantity: number; daysSupply: number };
  earliestFillDate?: string;
  otherPayers?: OtherPayer[];
  conflicts?: DurConflict[];
  professionalServiceCodes?: Record<string, string>;
  resultOfServiceCodes?: Record<string, string>;
  requiresPermission?: string;
  endpoint?: { method: string; path: string };
}

export interface Reject {
  code: string;
  description: string;
  plain: string;
  field?: string;
  nextAction: NextAction;
}

export type ClaimStatus = 'new' | 'paid' | 'captured' | 'rejected' | 'unknown' | 'reversed' | 'duplicate';

export interface BillResult {
  status: ClaimStatus;
  claimId: string;
  authorizationNumber: string | null;
  rejects: Reject[];
  messages: string[];
  patientPayCents: number | null;
  planPayCents: number | null;
  cobOrder: number;
  payerName: string;
  idempotent?: boolean;
  reversedFirst?: boolean;
}

/** A row of GET /api/claims and GET /api/fills/:id/claims. */
export interface ClaimRow extends BillResult {
  siteId: string;
  fillId: string;
  patientId: string;
  bin: string;
  pcn: string;
  rxNumber: string;
  fillNumber: number;
  ndc11: string;
  quantity: number;
  daysSupply: number;
  dateOfService: string;
  attempt: number;
  rejectCodes: string[];
  updatedAt: string;
  /** "Last, First" (null when the patient record is gone). */
  patientName: string | null;
  /** Brand or generic name of the billed NDC, else the prescribed drug text. */
  drugName: string | null;
  drugStrength: string | null;
  drugForm: string | null;
  /** The payer's split of the patient's share (paid claims): copay 518-FI, coinsurance 572-4U. */
  copayCents: number | null;
  coinsuranceCents: number | null;
}

export interface CashPrice {
  ndc11: string;
  quantity: number;
  acquisitionCents: number;
  usualAndCustomaryCents: number;
  programs: { id: string; name: string; priceCents: number }[];
  bestCents: number;
  bestProgram: string | null;
}

export interface Eligibility {
  coverageId: string;
  eligible: boolean;
  payerName: string;
  messages: string[];
  otherPayers: OtherPayer[];
  rejects: Reject[];
}

export interface Coverage {
  id: string;
  payer_name: string;
  bin: string;
  pcn: string | null;
  group_id: string | null;
  member_id: string;
  priority: number;
  active: number | boolean;
}

export const PA_STATUSES = [
  'needed',
  'sent_to_prescriber',
  'submitted',
  'approved',
  'denied',
  'appealed',
  'cancelled',
] as const;
export type PaStatus = (typeof PA_STATUSES)[number];

export const PA_STATUS_LABELS: Record<string, string> = {
  needed: 'Needed',
  sent_to_prescriber: 'Sent to prescriber',
  submitted: 'Submitted',
  approved: 'Approved',
  denied: 'Denied',
  appealed: 'Appealed',
  cancelled: 'Cancelled',
};

export const PA_ACTION_LABELS: Record<string, string> = {
  send_to_prescriber: 'Send to prescriber',
  submit: 'Submit to plan',
  approve: 'Approve',
  deny: 'Deny',
  appeal: 'Appeal',
  cancel: 'Cancel case',
};

export interface PaCase {
  id: string;
  site_id: string;
  patient_id: string;
  fill_id: string | null;
  claim_id: string | null;
  ndc11: string | null;
  drug_description: string | null;
  payer_name: string;
  bin: string;
  member_id: string;
  diagnosis_code: string | null;
  notes: string | null;
  status: PaStatus;
  pa_number: string | null;
  expires_on: string | null;
  denial_reason: string | null;
  last_activity_at: string;
  created_at: string;
  idleDays: number;
  stalled: boolean;
  reminder: string | null;
  actions: string[];
  /** "Last, First", from the case list. */
  patientName?: string | null;
}

export const CLAIM_STATUS_LABELS: Record<string, string> = {
  new: 'New',
  paid: 'Paid',
  captured: 'Captured',
  rejected: 'Rejected',
  unknown: 'Outcome unknown',
  reversed: 'Reversed',
  duplicate: 'Paid (duplicate)',
};

export const claimTone = (s: string): 'ok' | 'bad' | 'warn' | 'neutral' =>
  s === 'paid' || s === 'duplicate' || s === 'captured'
    ? 'ok'
    : s === 'rejected'
      ? 'bad'
      : s === 'unknown'
        ? 'warn'
        : 'neutral';

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
export const fmtCents = (c: number | null | undefined): string => (c == null ? '—' : usd.format(c / 100));

/** D.0 dates are CCYYMMDD. */
export const fmtDos = (d: string): string =>
  /^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : d;

export interface BillBody {
  coverageId?: string;
  quantity?: number;
  daysSupply?: number;
  durOverride?: { reasonCode: string; professionalServiceCode: string; resultCode: string };
  paNumber?: string;
}

const fillPath = (fillId: string) => `/api/fills/${encodeURIComponent(fillId)}/claims`;

export const claimsApi = {
  bill: (fillId: string, body: BillBody = {}) => api.post<BillResult>(fillPath(fillId), body),
  billSecondary: (fillId: string, coverageId?: string) =>
    api.post<BillResult>(`${fillPath(fillId)}/secondary`, coverageId ? { coverageId } : {}),
  ofFill: (fillId: string, signal?: AbortSignal) =>
    api.get<{ items: ClaimRow[] }>(fillPath(fillId), undefined, signal),
  eligibility: (patientId: string, coverageId?: string) =>
    api.post<Eligibility>('/api/eligibility', { patientId, ...(coverageId ? { coverageId } : {}) }),
  openPa: (claimId: string) => api.post<{ case: PaCase; existing: boolean }>('/api/pa-cases', { claimId }),
  movePa: (id: string, action: string, body: Record<string, string>) =>
    api.post<PaCase | { case: PaCase }>(
      `/api/pa-cases/${encodeURIComponent(id)}/actions/${encodeURIComponent(action)}`,
      body,
    ),
};
