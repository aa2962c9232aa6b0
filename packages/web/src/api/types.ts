/** Response shapes of the Apotheca API (see GET /api/openapi.json). */

export type Permission =
  | 'sites.read'
  | 'sites.manage'
  | 'users.read'
  | 'users.manage'
  | 'tokens.manage'
  | 'audit.read'
  | 'audit.verify'
  | 'esign.sign'
  | 'patients.read'
  | 'patients.write'
  | 'patients.notes.write'
  | 'prescribers.read'
  | 'prescribers.write'
  | 'calc.use'
  | 'drugs.read'
  | 'prescriptions.read'
  | 'prescriptions.intake'
  | 'prescriptions.enter'
  | 'prescriptions.act'
  | 'prescriptions.override_alert'
  | 'inventory.read'
  | 'inventory.adjust'
  | 'labels.print'
  | 'claims.read'
  | 'claims.submit'
  | 'claims.reverse'
  | 'claims.dur_override'
  | 'claims.manage'
  | 'claims.reports'
  | 'pa.manage'
  | 'inventory.receive'
  | 'inventory.count'
  | 'inventory.approve_variance'
  | 'controlled.read'
  | 'controlled.manage'
  | 'controlled.sign_pic'
  | 'inventory.waste'
  | 'recalls.manage'
  | 'purchasing.manage';

export const ROLES = [
  'technician',
  'pharmacist',
  'pharmacist_in_charge',
  'nurse',
  'buyer',
  'auditor',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const SETTING_LABELS: Record<string, string> = {
  community: 'Community',
  hospital: 'Hospital',
  mail_order: 'Mail order',
  ltc: 'Long-term care',
  federal: 'Federal',
  correctional: 'Correctional',
  manufacturing: 'Manufacturing',
  clinical_trial: 'Clinical trial',
  clinic: 'Clinic',
};

export const roleLabel = (r: string): string =>
  r === 'pharmacist_in_charge' ? 'Pharmacist in charge' : r.charAt(0).toUpperCase() + r.slice(1);

export interface MeSite {
  id: string;
  code: string;
  name: string;
  settingType: string;
  roles: string[];
}

export interface Me {
  user: { id: string; displayName: string; via: string; clearanceLevel?: number; csPrivileges?: string };
  sites: MeSite[];
  permissions: Record<string, Permission[]>;
  csrfToken: string | null;
}

export interface LoginResponse {
  user: { id: string; displayName: string };
  csrfToken: string;
  expiresAt: string;
}

export interface Site {
  id: string;
  organizationId: string;
  code: string;
  name: string;
  settingType: string;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  phone: string | null;
  ncpdpId: string | null;
  npi: string | null;
  deaNumber: string | null;
  timeZone: string;
  allowNegativeOnHand: boolean;
  createdAt: string;
}

export interface Patient {
  id: string;
  siteId: string;
  mrn: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: string;
  phone: string | null;
  addressLine1: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  language: string | null;
  allergyStatus: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Prescriber {
  id: string;
  siteId: string;
  firstName: string;
  lastName: string;
  credential: string | null;
  npi: string;
  deaNumber: string | null;
  stateLicense: string | null;
  specialty: string | null;
  phone: string | null;
  fax: string | null;
  isTestIdentifier: boolean;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  isActive: boolean;
  lockedUntil: string | null;
  clearanceLevel: number;
  csPrivileges: string;
  roles: { siteId: string; role: Role }[];
}

export interface AuditEntry {
  seq: number;
  occurredAt: string;
  userId: string | null;
  siteId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  reason: string | null;
  before: unknown;
  after: unknown;
  clientAddress: string | null;
  requestId: string | null;
  hash: string;
}

export interface AuditVerify {
  ok: boolean;
  entries: number;
  headSeq: number;
  firstProblem?: { seq: number; reason: string };
}

export interface CalcInput {
  name: string;
  label: string;
  kind: string;
  units?: string[];
  defaultUnit?: string;
  required: boolean;
  choices?: string[];
  default?: string | number;
  description: string;
}

export interface CalcDefinition {
  id: string;
  title: string;
  category: string;
  description: string;
  inputs: CalcInput[];
  source: string;
}

export interface CalcResult {
  value: number | string;
  unit: string;
  display: string;
  formula: string;
  steps: { label: string; expression: string; value: string }[];
  rounding: string;
  source: string;
  warnings: string[];
  extra?: Record<string, number | string>;
}

export interface Items<T> {
  items: T[];
}
