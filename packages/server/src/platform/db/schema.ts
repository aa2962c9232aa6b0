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
}

export interface Database {
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
  prescribers: PrescriberTable;
}
