import type { Permission } from './api/types';

export interface NavItem {
  href: string;
  label: string;
  /** Needed at the selected site for the link to appear. */
  permission?: Permission;
  /** Second key of the "g <key>" shortcut. */
  key: string;
  /** Navigation section heading (none: shown above the sections). */
  section?: NavSection;
}

export const NAV_SECTIONS = ['Dispensing', 'Patients', 'Stock', 'Tools', 'Oversight'] as const;
export type NavSection = (typeof NAV_SECTIONS)[number];

export const NAV: NavItem[] = [
  { href: '/', label: 'Home', key: 'h' },
  { href: '/queue', label: 'Queue', permission: 'prescriptions.read', key: 'q', section: 'Dispensing' },
  { href: '/claims', label: 'Claims', permission: 'claims.read', key: 'b', section: 'Dispensing' },
  { href: '/pa', label: 'PA board', permission: 'pa.manage', key: 'o', section: 'Dispensing' },
  { href: '/patients', label: 'Patients', permission: 'patients.read', key: 'p', section: 'Patients' },
  {
    href: '/prescribers',
    label: 'Prescribers',
    permission: 'prescribers.read',
    key: 'r',
    section: 'Patients',
  },
  { href: '/inventory', label: 'Inventory', permission: 'inventory.read', key: 'i', section: 'Stock' },
  { href: '/calculator', label: 'Calculator', permission: 'calc.use', key: 'c', section: 'Tools' },
  { href: '/audit', label: 'Audit trail', permission: 'audit.read', key: 'a', section: 'Oversight' },
  { href: '/users', label: 'Users', permission: 'users.read', key: 'u', section: 'Oversight' },
  { href: '/sites', label: 'Sites', permission: 'sites.read', key: 's', section: 'Oversight' },
];

export const isActive = (href: string, path: string): boolean =>
  href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
