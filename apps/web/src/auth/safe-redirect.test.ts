import { describe, expect, it } from 'vitest';
import { safeRedirect } from './safe-redirect.ts';

describe('safeRedirect', () => {
  it('follows a path on this site, with its query', () => {
    expect(safeRedirect('/fiscal-years?x=1')).toBe('/fiscal-years?x=1');
  });

  it.each([
    ['https://evil.example/', 'an absolute URL'],
    ['//evil.example/', 'a protocol-relative URL'],
    ['/\\evil.example/', 'a backslash URL browsers read as protocol-relative'],
    ['javascript:alert(1)', 'a script URL'],
    ['/sign-in?redirect=/x', 'the sign-in page itself'],
  ])('refuses %s (%s)', (target) => {
    expect(safeRedirect(target, '/fiscal-years')).toBe('/fiscal-years');
  });

  it('uses the fallback when there is no target', () => {
    expect(safeRedirect(undefined)).toBe('/');
    expect(safeRedirect(42, '/home')).toBe('/home');
  });
});
