import { OpenAPIHono, z } from '@hono/zod-openapi';
import { contentHash, validateRulebook } from '@quip/core';
import {
  appendAudit,
  type Database,
  findCurrentDraft,
  findPublishedRulebook,
  listRulebookRevisions,
  publishCurrentDraft,
  type RulebookRevision,
  saveRulebookRevision,
} from '@quip/db';
import type { Kysely } from 'kysely';
import { requireProgram, requireProgramYear } from '../fiscal-years/program-year.ts';
import { lockWritableFiscalYear } from '../fiscal-years/writable-fiscal-year.ts';
import { answer, apiRoutes, json } from '../http/api-route.ts';
import type { AppEnv } from '../http/app-env.ts';
import { FiscalYearParam, ProgramParam } from '../http/common-schemas.ts';
import { problems } from '../http/problem.ts';
import { invalidRulebook, targetIssues } from '../rulebooks/invalid-rulebook.ts';
import { diffJson } from '../rulebooks/json-diff.ts';
import {
  DraftRulebookSchema,
  PublishedRulebookSchema,
  PublishRulebookRequestSchema,
  RulebookDiffSchema,
  RulebookJsonSchema,
  RulebookRevisionSchema,
  RulebookStateSchema,
  VersionRef,
} from '../rulebooks/rulebook-schemas.ts';

const route = apiRoutes('rulebooks');

const params = z.object({ fy: FiscalYearParam, program: ProgramParam });
const base = '/fiscal-years/{fy}/programs/{program}/rulebook';

const published = (r: RulebookRevision) => ({
  version: r.version!,
  revision: r.revision,
  contentHash: r.contentHash,
  publishedAt: r.publishedAt!,
  rulebook: r.content as Record<string, unknown>,
});
const draft = (r: RulebookRevision) => ({
  revision: r.revision,
  contentHash: r.contentHash,
  savedAt: r.createdAt,
  rulebook: r.content as Record<string, unknown>,
});

/** The rulebook of each program and fiscal year: drafts, publishing, versions and their differences. */
export function rulebookRoutes(db: Kysely<Database>) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    route({
      method: 'get',
      path: base,
      operationId: 'getRulebook',
      summary: 'The published rulebook and the current draft',
      description: 'Submitters see the published rulebook (it says what to submit) and never the draft.',
      request: { params },
      responses: { 200: answer('Published and draft', RulebookStateSchema) },
      problems: [404],
    }),
    async (c) => {
      const { fy, program } = c.req.valid('param');
      await requireProgramYear(db, fy, program);
      const current = await findPublishedRulebook(db, fy, program);
      const seesDrafts = c.get('principal').role !== 'submitter';
      const pending = seesDrafts ? await findCurrentDraft(db, fy, program) : null;
      return c.json(
        { published: current ? published(current) : null, draft: pending ? draft(pending) : null },
        200,
      );
    },
  );

  app.openapi(
    route({
      method: 'put',
      path: base,
      operationId: 'saveRulebookDraft',
      summary: 'Save a new draft revision (admins)',
      description:
        'The body is the whole rulebook. It is validated first: 422 lists every problem with its JSON path. Its `program` and `fiscalYear` must be those of the URL. Saving the same content as the current draft makes no new revision.',
      roles: ['admin'],
      request: { params, body: { required: true, content: json(RulebookJsonSchema) } },
      responses: { 200: answer('The draft', DraftRulebookSchema) },
      problems: [404, 409, 422],
    }),
    async (c) => {
      const { fy, program } = c.req.valid('param');
      const body = c.req.valid('json');
      const saved = await db.transaction().execute(async (trx) => {
        await lockWritableFiscalYear(trx, fy);
        await requireProgram(trx, program);
        const validation = validateRulebook(body);
        const issues = [...targetIssues(body, fy, program), ...(validation.ok ? [] : validation.issues)];
        if (!validation.ok || issues.length > 0) throw invalidRulebook(issues);
        const hash = contentHash(validation.rulebook);
        const current = await findCurrentDraft(trx, fy, program);
        if (current?.contentHash === hash) return current;
        const revision = await saveRulebookRevision(trx, {
          fiscalYear: fy,
          programId: program,
          content: validation.rulebook,
          contentHash: hash,
          source: 'admin',
          createdBy: c.get('principal').keyId,
        });
        await appendAudit(trx, {
          actor: c.get('principal').keyId,
          action: 'rulebook.save',
          subject: `${program}/${fy}`,
          details: { revision: revision!.revision, contentHash: hash },
        });
        return revision!;
      });
      return c.json(draft(saved), 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: `${base}/publish`,
      operationId: 'publishRulebook',
      summary: 'Publish the current draft as the next version (admins)',
      description:
        'The published version is frozen for good (the database refuses changes). A body must carry a change ' +
        'note (422 when it is missing or blank); the note is kept in the version history and the audit log. ' +
        'A request without a body still publishes, with no note (the form older clients send). 409 when there is no draft.',
      roles: ['admin'],
      idempotent: db,
      request: {
        params,
        body: { required: false, content: json(PublishRulebookRequestSchema) },
      },
      responses: { 200: answer('The new published version', PublishedRulebookSchema) },
      problems: [404, 409, 422],
    }),
    async (c) => {
      const { fy, program } = c.req.valid('param');
      // A request without a body is the publish CONTRACT.md has always named: it still publishes
      // (with no note) so existing clients keep working. A body must carry a real note; the SPA
      // always sends one.
      const sentBody = c.req.header('content-type') !== undefined;
      const body = c.req.valid('json') as { note?: string } | undefined;
      const note = sentBody ? (body?.note?.trim() ?? '') : null;
      if (note === '') {
        const message = 'a change note is required: say what changed and why';
        throw problems.unprocessable('Publishing needs a change note.', [{ row: 0, path: 'note', message }]);
      }
      const frozen = await db.transaction().execute(async (trx) => {
        await lockWritableFiscalYear(trx, fy);
        await requireProgram(trx, program);
        const actor = c.get('principal').keyId;
        const revision = await publishCurrentDraft(trx, fy, program, actor, note);
        if (!revision) throw problems.conflict(`There is no draft of ${program} in ${fy} to publish.`);
        await appendAudit(trx, {
          actor,
          action: 'rulebook.publish',
          subject: `${program}/${fy}`,
          details: {
            version: revision.version,
            revision: revision.revision,
            contentHash: revision.contentHash,
            ...(note === null ? {} : { note }),
          },
        });
        return revision;
      });
      return c.json(published(frozen), 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: `${base}/versions`,
      operationId: 'listRulebookVersions',
      summary: 'The history: every saved revision, newest first, with its published version if any',
      roles: ['admin', 'analyst'],
      request: { params },
      responses: { 200: answer('Revisions', z.object({ items: z.array(RulebookRevisionSchema) })) },
      problems: [404],
    }),
    async (c) => {
      const { fy, program } = c.req.valid('param');
      await requireProgramYear(db, fy, program);
      const rows = await listRulebookRevisions(db, fy, program);
      const items = rows.map((r) => ({
        revision: r.revision,
        version: r.version,
        contentHash: r.contentHash,
        source: r.source,
        note: r.note,
        publishNote: r.publishNote,
        savedAt: r.createdAt,
        savedBy: r.createdBy,
        publishedAt: r.publishedAt,
      }));
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: `${base}/versions/{version}`,
      operationId: 'getRulebookVersion',
      summary: 'One published version',
      request: {
        params: params.extend({
          version: z.coerce
            .number()
            .int()
            .min(1)
            .openapi({ param: { name: 'version', in: 'path' }, example: 1 }),
        }),
      },
      responses: { 200: answer('The version', PublishedRulebookSchema) },
      problems: [404],
    }),
    async (c) => {
      const { fy, program, version } = c.req.valid('param');
      await requireProgramYear(db, fy, program);
      const found = await findPublishedRulebook(db, fy, program, version);
      if (!found) throw problems.notFound(`${program} in ${fy} has no published version ${version}.`);
      return c.json(published(found), 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: `${base}/diff`,
      operationId: 'diffRulebookVersions',
      summary: 'What changed between two versions (or a version and the draft)',
      roles: ['admin', 'analyst'],
      request: {
        params,
        query: z.object({
          from: VersionRef.openapi({ param: { name: 'from', in: 'query' }, example: '1' }),
          to: VersionRef.openapi({ param: { name: 'to', in: 'query' }, example: 'draft' }),
        }),
      },
      responses: { 200: answer('The changes, as JSON paths', RulebookDiffSchema) },
      problems: [404],
    }),
    async (c) => {
      const { fy, program } = c.req.valid('param');
      const { from, to } = c.req.valid('query');
      await requireProgramYear(db, fy, program);
      const resolve = async (ref: string) => {
        const found =
          ref === 'draft'
            ? await findCurrentDraft(db, fy, program)
            : await findPublishedRulebook(db, fy, program, Number(ref));
        if (!found) {
          throw problems.notFound(
            ref === 'draft'
              ? `${program} in ${fy} has no draft.`
              : `${program} in ${fy} has no published version ${ref}.`,
          );
        }
        return found;
      };
      const a = await resolve(from);
      const b = await resolve(to);
      const ref = (r: RulebookRevision, name: string) => ({
        version: name === 'draft' ? ('draft' as const) : r.version!,
        contentHash: r.contentHash,
      });
      return c.json({ from: ref(a, from), to: ref(b, to), changes: diffJson(a.content, b.content) }, 200);
    },
  );

  return app;
}
