import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiSpaTypes, SPA_TYPES_FILE } from './openapi-spa-types.ts';

describe('the SPA types', () => {
  it('are what the API describes now (else run `pnpm openapi:types`)', async () => {
    expect(readFileSync(SPA_TYPES_FILE, 'utf8')).toBe(await openApiSpaTypes());
  });
});
