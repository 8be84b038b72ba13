import { describe, expect, it } from 'vitest';
import { type NavItem, navItems, navItemsFor } from './nav-items.ts';

describe('navItemsFor', () => {
  it('shows fiscal years to every role', () => {
    for (const role of ['admin', 'analyst', 'submitter'] as const) {
      expect(navItemsFor(role).map((i) => i.label)).toContain('Fiscal years');
    }
  });

  it('keeps only the items whose roles include the given one, in order', () => {
    const items: NavItem[] = [
      { to: '/fiscal-years', label: 'everyone', roles: ['admin', 'analyst', 'submitter'] },
      { to: '/fiscal-years', label: 'admins', roles: ['admin'] },
      { to: '/fiscal-years', label: 'readers', roles: ['admin', 'analyst'] },
    ];
    expect(navItemsFor('admin', items).map((i) => i.label)).toEqual(['everyone', 'admins', 'readers']);
    expect(navItemsFor('analyst', items).map((i) => i.label)).toEqual(['everyone', 'readers']);
    expect(navItemsFor('submitter', items).map((i) => i.label)).toEqual(['everyone']);
  });

  it('has no duplicate destinations in the real navigation', () => {
    const targets = navItems.map((i) => i.to);
    expect(new Set(targets).size).toBe(targets.length);
  });
});

describe('the real navigation', () => {
  it('gives admins the audit log and API keys, the office the review requests, submitters their payees', () => {
    expect(navItemsFor('admin').map((i) => i.label)).toEqual([
      'Fiscal years',
      'Review requests',
      'Audit log',
      'API keys',
    ]);
    expect(navItemsFor('analyst').map((i) => i.label)).toEqual(['Fiscal years', 'Review requests']);
    expect(navItemsFor('submitter').map((i) => i.label)).toEqual(['Your payees', 'Fiscal years']);
  });
});
