import type { Permission } from './api/types';

export interface NavItem {
  href: string;
  label: string;
  /** Needed at the selected site for the link to appear. */
  permission?: Permission;
  /** Second key of the "g <key>" shortcut. */
  key: string;
}

export const NAV: NavItem[] = [
  { href: '/', label: 'Home', key: 'h' },
  { href: '/queue', label: 'Queue', permission: 'prescriptions.read', key: 'q' },
  { href: '/claims', label: 'Claims', permission: 'claims.read', key: 'b' },
  { href: '/pa', label: 'PA board', permission: 'pa.manage', key: 'o' },
  { href: '/patients', label: 'Patients', permission: 'patients.read', key: 'p' },
  { href: '/prescribers', label: 'Prescribers', permission: 'prescribers.read', key: 'r' },
  { href: '/inventory', label: 'Inventory', permission: 'inventory.read', key: 'i' },
  { href: '/calculator', label: 'Calculator', permission: 'calc.use', key: 'c' },
  { href: '/audit', label: 'Audit trail', permission: 'audit.read', key: 'a' },
  { href: '/users', label: 'Users', permission: 'users.read', key: 'u' },
  { href: '/sites', label: 'Sites', permission: 'sites.read', key: 's' },
];

export const isActive = (href: string, path: string): boolean =>
  href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
