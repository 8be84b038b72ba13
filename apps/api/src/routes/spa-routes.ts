import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/** Paths the SPA never owns: unknown ones there answer problem+json 404, not the app shell. */
const SERVER_PATHS = /^\/(api|healthz|openapi\.json|docs|admin|problems)(\/|$)/;

/**
 * Serves the built admin SPA: its files, and index.html for client-side routes. Without a build the
 * root says how to make one instead of failing.
 */
export function spaRoutes(webDist: string | null) {
  const app = new Hono();
  const indexFile = webDist ? join(webDist, 'index.html') : null;
  if (!webDist || !indexFile || !existsSync(indexFile)) {
    app.get('/', (c) =>
      c.text(
        'The admin SPA is not built: run `pnpm --filter @quip/web build` (npm start does it for you).',
        503,
      ),
    );
    return app;
  }
  const indexHtml = readFileSync(indexFile, 'utf8');
  app.use(
    '/assets/*',
    serveStatic({
      root: webDist,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable'); // file names carry content hashes
      },
    }),
  );
  app.use('*', serveStatic({ root: webDist }));
  app.get('*', (c, next) => {
    if (SERVER_PATHS.test(c.req.path)) return next();
    return c.html(indexHtml);
  });
  return app;
}
