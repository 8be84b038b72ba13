// `pnpm openapi:types`: writes the SPA's API types from the API's own OpenAPI description, built
// in this process (no server, no network). Run it after changing a route or a schema.
import { writeFileSync } from 'node:fs';
import { openApiSpaTypes, SPA_TYPES_FILE } from '../apps/api/src/openapi-spa-types.ts';

writeFileSync(SPA_TYPES_FILE, await openApiSpaTypes());
console.log(`wrote ${SPA_TYPES_FILE}`);
