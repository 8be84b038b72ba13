import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Scalar } from '@scalar/hono-api-reference';
import { Hono } from 'hono';

const SCALAR_SCRIPT_PATH = '/docs/scalar.js';

/** The API reference at /docs, with Scalar's script served from this server: no CDN, works offline. */
export function docsRoutes() {
  const require = createRequire(import.meta.url);
  const scriptFile = join(dirname(require.resolve('@scalar/api-reference')), 'browser', 'standalone.js');
  let script: string | undefined;
  const app = new Hono();
  app.get(SCALAR_SCRIPT_PATH, (c) => {
    script ??= readFileSync(scriptFile, 'utf8');
    return c.body(script, 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=86400',
    });
  });
  app.get(
    '/docs',
    Scalar({
      url: '/openapi.json',
      cdn: SCALAR_SCRIPT_PATH,
      pageTitle: 'Quip API reference',
      withDefaultFonts: false,
      hideClientButton: true,
    }),
  );
  return app;
}
