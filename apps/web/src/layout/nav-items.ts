import type { LinkProps } from '@tanstack/react-router';
import type { Role } from '../api/resources.ts';

export interface NavItem {
  to: NonNullable<LinkProps['to']>;
  label: string;
  /** Who sees the link; the route itself checks the role again. */
  roles: readonly Role[];
}

/**
 * The main navigation, in order. A new page adds its route in router.tsx and its entry here.
 * Per-program pages (rulebook, data, runs) are reached from a fiscal year's program list.
 */
export const navItems: readonly NavItem[] = [
  { to: '/portal', label: 'Your payees', roles: ['submitter'] },
  { to: '/fiscal-years', label: 'Fiscal years', roles: ['admin', 'analyst', 'submitter'] },
  { to: '/requests', label: 'Review requests', roles: ['admin', 'analyst'] },
  { to: '/audit', label: 'Audit log', roles: ['admin'] },
  { to: '/api-keys', label: 'API keys', roles: ['admin'] },
];

export function navItemsFor(role: Role, items: readonly NavItem[] = navItems): NavItem[] {
  return items.filter((item) => item.roles.includes(role));
}

/** The roles that may open each guarded route (checked in the route's beforeLoad). */
export const routeRoles = {
  rulebook: ['admin', 'analyst'],
  runs: ['admin', 'analyst'],
  payments: ['admin', 'analyst'],
  data: ['admin', 'analyst', 'submitter'],
  scorecards: ['admin', 'analyst', 'submitter'],
  printScorecards: ['admin', 'analyst'],
  portal: ['submitter'],
  requests: ['admin', 'analyst'],
  audit: ['admin'],
  apiKeys: ['admin'],
} as const satisfies Record<string, readonly Role[]>;
