import { RULEBOOK_FIXTURE_NAMES, rulebookFixture } from '@quip/fixtures';
import { describe, expect, it } from 'vitest';
import { validateRulebook } from './validate-rulebook.ts';

// The shared fixtures (packages/fixtures) are only worth their names if core reads them as rulebooks.
describe('rulebook fixtures', () => {
  it.each(RULEBOOK_FIXTURE_NAMES)('%s is a valid rulebook', (name) => {
    expect(validateRulebook(rulebookFixture(name))).toMatchObject({ ok: true });
  });
});
