import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Database, DatabaseKind } from '@quip/db';
import { CompiledQuery, type DatabaseConnection, type Kysely } from 'kysely';
import { apiRoutes } from '../http/api-route.ts';
import type { AppEnv } from '../http/app-env.ts';
import { problems } from '../http/problem.ts';

const route = apiRoutes('admin');

/** What the embedded database offers for a backup (PGlite's `dumpDataDir`). */
interface DumpableDatabase {
  dumpDataDir(compression?: 'auto' | 'gzip' | 'none'): Promise<Blob>;
}

const BackupArchiveSchema = z.string().openapi({
  format: 'binary',
  description:
    'A gzip-compressed tar of the embedded database folder (QUIP_DATA_DIR), as `scripts/restore.mjs` unpacks it.',
  example: '(binary: quip-backup-20260701T120000Z.tar.gz)',
});

/**
 * `POST /admin/backup`: a consistent copy of the embedded database while Quip runs. Only the running
 * process may read its data folder (two processes on one PGlite folder corrupt it), so the copy is
 * made here: the one connection is held, so no statement or transaction is in flight; a checkpoint
 * writes every change to the data files; then the folder is packed. Requests wait meanwhile (about
 * a second for the demo data). On PostgreSQL, pg_dump is the tool: 409.
 */
export function backupRoutes(deps: { db: Kysely<Database>; databaseKind: DatabaseKind }) {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    route({
      method: 'post',
      path: '/admin/backup',
      operationId: 'createBackup',
      summary: 'Download a consistent backup of the embedded database (admins)',
      description:
        'Answers a gzip-compressed tar of the data folder, taken between two statements while Quip keeps running. Restore it with `pnpm restore --from <file>` into an empty QUIP_DATA_DIR while Quip is stopped (README, "Backup and restore"). On PostgreSQL (DATABASE_URL) use pg_dump: 409.',
      roles: ['admin'],
      responses: {
        200: {
          description: 'The backup archive (Content-Disposition names a file)',
          content: { 'application/gzip': { schema: BackupArchiveSchema } },
        },
      },
      problems: [409],
    }),
    async (c) => {
      if (deps.databaseKind !== 'pglite') {
        throw problems.conflict(
          'Quip runs on PostgreSQL (DATABASE_URL): back it up with pg_dump, as the README says under "Backup and restore".',
        );
      }
      const archive = await dumpEmbeddedDatabase(deps.db);
      const stamp = new Date()
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
      return c.body(archive.stream(), 200, {
        'Content-Type': 'application/gzip',
        'Content-Length': String(archive.size),
        'Content-Disposition': `attachment; filename="quip-backup-${stamp}.tar.gz"`,
        'Cache-Control': 'no-store',
      });
    },
  );
  return app;
}

/** Packs the data folder while holding the database's one connection (see backupRoutes). */
function dumpEmbeddedDatabase(db: Kysely<Database>): Promise<Blob> {
  return db.getExecutor().provideConnection(async (connection) => {
    const pglite = embeddedDatabaseOf(connection);
    await connection.executeQuery(CompiledQuery.raw('checkpoint'));
    return pglite.dumpDataDir('gzip');
  });
}

/** The PGlite instance behind a connection of packages/db's PGlite dialect. */
function embeddedDatabaseOf(connection: DatabaseConnection): DumpableDatabase {
  const pglite = (connection as { pglite?: Partial<DumpableDatabase> }).pglite;
  if (typeof pglite?.dumpDataDir !== 'function') {
    throw new Error('the embedded database connection does not offer dumpDataDir');
  }
  return pglite as DumpableDatabase;
}
