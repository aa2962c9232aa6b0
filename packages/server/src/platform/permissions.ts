/**
 * THE permission table. The API checks it (route config `permission`, services via Actor) and the web
 * workbench receives the caller's permissions from GET /api/me to decide what it shows, so both obey
 * one source. A test walks every route against every role to prove the API matches this table.
 */
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

const ALL: readonly Role[] = ROLES;
const PHARMACISTS: readonly Role[] = ['pharmacist', 'pharmacist_in_charge'];
const DISPENSING: readonly Role[] = ['technician', ...PHARMACISTS];
const CLINICAL_READERS: readonly Role[] = [...DISPENSING, 'nurse', 'auditor'];

export const PERMISSIONS = {
  'sites.read': { roles: ALL, description: 'See the sites one works at' },
  'sites.manage': { roles: ['admin'], description: 'Create and edit sites' },
  'users.read': {
    roles: ['admin', 'pharmacist_in_charge', 'auditor'],
    description: 'List users and their roles',
  },
  'users.manage': { roles: ['admin'], description: 'Create users, assign roles, reset passwords' },
  'tokens.manage': { roles: ['admin'], description: 'Create and revoke API tokens for integrations' },
  'audit.read': { roles: ['auditor', 'admin', 'pharmacist_in_charge'], description: 'Read the audit trail' },
  'audit.verify': { roles: ['auditor', 'admin'], description: 'Verify the audit hash chain' },
  'esign.sign': { roles: ALL, description: 'Apply an electronic signature to a record' },
  'patients.read': { roles: CLINICAL_READERS, description: 'Read patient records (each read is audited)' },
  'patients.write': { roles: [...DISPENSING, 'nurse'], description: 'Create and edit patient records' },
  'prescribers.read': { roles: CLINICAL_READERS, description: 'Read prescriber records' },
  'prescribers.write': { roles: DISPENSING, description: 'Create and edit prescriber records' },
  'calc.use': { roles: ALL, description: 'Use the calculations engine' },
  'drugs.read': { roles: ALL, description: 'Search the drug knowledge base' },
  'drugs.import': {
    roles: ['admin', 'pharmacist_in_charge', 'buyer'],
    description: 'Import FDA NDC, RxNorm and NIOSH files into the drug knowledge base',
  },
  'formulary.read': { roles: ALL, description: 'See formulary status, tiers and criteria' },
  'formulary.manage': {
    roles: ['pharmacist_in_charge', 'admin'],
    description: 'Edit formulary entries (site or organization formulary)',
  },
  'formulary.request': {
    roles: [...DISPENSING, 'nurse'],
    description: 'Request a non-formulary drug',
  },
  'formulary.review': { roles: PHARMACISTS, description: 'Approve or deny non-formulary requests' },
} as const satisfies Record<string, { roles: readonly Role[]; description: string }>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function roleHas(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission].roles as readonly Role[]).includes(role);
}

export function permissionsOfRoles(roles: Iterable<Role>): Set<Permission> {
  const out = new Set<Permission>();
  for (const r of roles) for (const p of PERMISSION_NAMES) if (roleHas(r, p)) out.add(p);
  return out;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
