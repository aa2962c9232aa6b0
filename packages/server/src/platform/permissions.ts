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
  'patients.merge': { roles: PHARMACISTS, description: 'Merge duplicate patient records' },
  // Reading notes is part of reading the record (patients.read, audited). Writing them is the pharmacy team's:
  // technicians and pharmacists; nurses and auditors read them.
  'patients.notes.write': {
    roles: DISPENSING,
    description: 'Add patient notes and correct them (a correction supersedes, never edits)',
  },
  'prescribers.read': { roles: CLINICAL_READERS, description: 'Read prescriber records' },
  'prescribers.write': { roles: DISPENSING, description: 'Create and edit prescriber records' },
  'calc.use': { roles: ALL, description: 'Use the calculations engine' },
  'drugs.read': { roles: ALL, description: 'Search the drug knowledge base' },
  'prescriptions.read': {
    roles: CLINICAL_READERS,
    description: 'See prescriptions, fills and queues (reads audited)',
  },
  'prescriptions.intake': {
    roles: DISPENSING,
    description: 'Take in written, phoned, faxed and transferred prescriptions',
  },
  'prescriptions.enter': {
    roles: DISPENSING,
    description: 'Data entry: product, directions, quantity, days’ supply',
  },
  'prescriptions.act': {
    roles: DISPENSING,
    description: 'Move fills through the workflow (each step further limited by role)',
  },
  'prescriptions.override_alert': {
    roles: PHARMACISTS,
    description: 'Resolve a screening alert with a reason',
  },
  'prescriptions.transfer_out': {
    roles: PHARMACISTS,
    description: 'Transfer a prescription to another pharmacy (pharmacist to pharmacist)',
  },
  'erx.receive': {
    roles: ['admin'],
    description: 'Deliver inbound NCPDP SCRIPT messages (integration tokens)',
  },
  'otc.sell': { roles: DISPENSING, description: 'Over-the-counter and pseudoephedrine (CMEA) sales' },
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
  'labels.print': { roles: DISPENSING, description: 'Render and print prescription labels (PDF, ZPL)' },
  'inventory.read': {
    roles: [...DISPENSING, 'buyer', 'auditor', 'nurse'],
    description: 'See on-hand stock, movements and inventory reports',
  },
  'inventory.receive': {
    roles: [...DISPENSING, 'buyer'],
    description: 'Receive stock (with or without a purchase order) and record discrepancies',
  },
  'inventory.move': {
    roles: DISPENSING,
    description: 'Dispense, return, transfer, quarantine and release stock',
  },
  'inventory.adjust': { roles: PHARMACISTS, description: 'Adjust on-hand with a reason' },
  'inventory.waste': { roles: DISPENSING, description: 'Record waste (a licensed witness co-signs)' },
  'inventory.witness_waste': {
    roles: PHARMACISTS,
    description: 'Witness waste as the second licensed person',
  },
  'inventory.count': { roles: DISPENSING, description: 'Open and enter cycle counts' },
  'inventory.approve_variance': { roles: PHARMACISTS, description: 'Approve count variances' },
  'purchasing.manage': {
    roles: ['buyer', 'pharmacist_in_charge'],
    description: 'Suppliers, catalogues, par levels, purchase orders and EDI (X12 850/855/856/810)',
  },
  'recalls.manage': {
    roles: [...PHARMACISTS, 'buyer'],
    description: 'Enter recalls, quarantine recalled stock and trace dispensed patients',
  },
  'dscsa.manage': {
    roles: [...PHARMACISTS, 'buyer'],
    description: 'DSCSA transaction records, verifications and suspect-product investigations',
  },
  'controlled.read': {
    roles: [...PHARMACISTS, 'auditor'],
    description: 'Controlled-substance logs, inventories, discrepancies and diversion analytics',
  },
  'controlled.manage': {
    roles: PHARMACISTS,
    description: 'Controlled-substance inventories, theft/loss reports and discrepancy investigations',
  },
  'controlled.sign_pic': {
    roles: ['pharmacist_in_charge'],
    description: 'Sign biennial inventories and close controlled-substance discrepancies',
  },
  'claims.read': {
    roles: [...DISPENSING, 'auditor'],
    description: 'See pharmacy claims, their transmissions and reject explanations; cash prices',
  },
  'claims.submit': {
    roles: DISPENSING,
    description: 'Bill claims (NCPDP B1/B3), secondary claims and eligibility checks (E1)',
  },
  'claims.reverse': { roles: DISPENSING, description: 'Reverse paid claims (NCPDP B2)' },
  'claims.dur_override': {
    roles: PHARMACISTS,
    description: 'Resubmit a DUR-rejected claim with DUR/PPS reason, professional-service and result codes',
  },
  'claims.manage': {
    roles: ['pharmacist_in_charge', 'admin'],
    description: 'Payer endpoints, cash pricing rules and discount programs',
  },
  'claims.reports': {
    roles: ['pharmacist_in_charge', 'admin', 'auditor'],
    description: 'Claims reports and reconciliation (CSV export)',
  },
  'pa.manage': { roles: DISPENSING, description: 'Open and work prior authorization cases' },
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
