import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Scalar } from '@scalar/hono-api-reference';
import { Hono } from 'hono';

const SCALAR_SCRIPT_PATH = '/docs/scalar.js';

/**
 * The API reference at /docs, with Scalar's script served from this server: nothing is fetched off
 * the machine (no CDN, no hosted fonts, no request proxy, no telemetry), and none of the hosted
 * service's buttons show (its API client, "Test Request", developer tools) and its AI agent is off.
 */
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
      hideTestRequestButton: true,
      showDeveloperTools: 'never',
      telemetry: false,
      // The hosted AI agent (on by default on localhost) fetches its registry through the hosted proxy.
      agent: { disabled: true },
      // No proxy: the reference sends nothing through a hosted proxy (it sends no requests at all).
      proxyUrl: '',
    }),
  );
  return app;
}
