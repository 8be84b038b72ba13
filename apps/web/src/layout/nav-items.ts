import type { LinkProps } from '@tanstack/react-router';
import type { Role } from '../api/resources.ts';

export interface NavItem {
  to: NonNullable<LinkProps['to']>;
  label: string;
  /** Who sees the link; the route itself checks the role again. */
  roles: readonly Role[];
}

/** The main navigation, in order. A new page adds its route in router.tsx and its entry here. */
export const navItems: readonly NavItem[] = [
  { to: '/fiscal-years', label: 'Fiscal years', roles: ['admin', 'analyst', 'submitter'] },
];

export function navItemsFor(role: Role, items: readonly NavItem[] = navItems): NavItem[] {
  return items.filter((item) => item.roles.includes(role));
}
