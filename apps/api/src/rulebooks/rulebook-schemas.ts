import { z } from '@hono/zod-openapi';
import { rulebookFixture } from '@quip/fixtures';

/** OpenAPI schemas of the rulebook routes. The rulebook itself is described by core's format (README). */

// The example is a shared fixture, so it is a rulebook the tests also validate and publish.
const RULEBOOK_EXAMPLE = rulebookFixture('directory-and-cie-at-least-30-percent-earn-10-percent');

export const RulebookJsonSchema = z.record(z.string(), z.unknown()).openapi('Rulebook', {
  description:
    'A rulebook document (packages/core/src/rulebook/README.md): program, fiscalYear, payee, measures, scoring, payment.',
  example: RULEBOOK_EXAMPLE,
});

const HASH_EXAMPLE = '9d1c6a0f4e7b2c3d8e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d';

export const PublishedRulebookSchema = z
  .object({
    version: z.number().int(),
    revision: z.number().int(),
    contentHash: z.string().openapi({ description: 'sha256 of the canonical JSON; what a run pins' }),
    publishedAt: z.string().openapi({ format: 'date-time' }),
    rulebook: RulebookJsonSchema,
  })
  .openapi('PublishedRulebook', {
    example: {
      version: 2,
      revision: 5,
      contentHash: HASH_EXAMPLE,
      publishedAt: '2026-06-15T17:02:11.000Z',
      rulebook: RULEBOOK_EXAMPLE,
    },
  });

export const PublishRulebookRequestSchema = z
  .object({
    // Required, but checked by the route so that a missing or blank note is 422 with its message
    // (the schema's own failures are 400: a request that does not match the description).
    note: z.string().max(4000).optional().openapi({
      description:
        'required: why this version is published (422 without one); kept in the version history and the audit log',
    }),
  })
  .openapi('PublishRulebookRequest', {
    example: {
      note: 'ACRE training target raised to the 75th percentile of peers (board decision of June 12)',
    },
  });

export const DraftRulebookSchema = z
  .object({
    revision: z.number().int(),
    contentHash: z.string(),
    savedAt: z.string().openapi({ format: 'date-time' }),
    rulebook: RulebookJsonSchema,
  })
  .openapi('DraftRulebook', {
    example: {
      revision: 6,
      contentHash: HASH_EXAMPLE,
      savedAt: '2026-06-20T09:30:00.000Z',
      rulebook: RULEBOOK_EXAMPLE,
    },
  });

export const RulebookStateSchema = z
  .object({ published: PublishedRulebookSchema.nullable(), draft: DraftRulebookSchema.nullable() })
  .openapi('RulebookState', {
    description: 'The published rulebook and the current draft; submitters always see `draft: null`.',
    example: {
      published: {
        version: 2,
        revision: 5,
        contentHash: HASH_EXAMPLE,
        publishedAt: '2026-06-15T17:02:11.000Z',
        rulebook: RULEBOOK_EXAMPLE,
      },
      draft: null,
    },
  });

export const RulebookRevisionSchema = z
  .object({
    revision: z.number().int(),
    version: z.number().int().nullable().openapi({ description: 'null while the revision is a draft' }),
    contentHash: z.string(),
    source: z.enum(['catalog', 'admin', 'clone']),
    note: z.string().nullable(),
    publishNote: z
      .string()
      .nullable()
      .openapi({ description: 'the change note given when the revision was published' }),
    savedAt: z.string().openapi({ format: 'date-time' }),
    savedBy: z.string().nullable().openapi({ description: 'id of the API key that saved it' }),
    publishedAt: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('RulebookRevision', {
    example: {
      revision: 5,
      version: 2,
      contentHash: HASH_EXAMPLE,
      source: 'admin',
      note: null,
      publishNote: 'ACRE training target raised to the 75th percentile of peers (board decision of June 12)',
      savedAt: '2026-06-14T11:00:00.000Z',
      savedBy: '0b6f2a52-7d43-4c1e-9a51-4c8e1f0d2a17',
      publishedAt: '2026-06-15T17:02:11.000Z',
    },
  });

export const RulebookDiffSchema = z
  .object({
    from: z.object({ version: z.union([z.number().int(), z.literal('draft')]), contentHash: z.string() }),
    to: z.object({ version: z.union([z.number().int(), z.literal('draft')]), contentHash: z.string() }),
    changes: z.array(
      z.object({
        path: z.string().openapi({ description: 'dot/bracket JSON path; "" is the whole document' }),
        op: z.enum(['add', 'remove', 'replace']),
        from: z.unknown().optional(),
        to: z.unknown().optional(),
      }),
    ),
  })
  .openapi('RulebookDiff', {
    example: {
      from: { version: 1, contentHash: HASH_EXAMPLE },
      to: {
        version: 'draft',
        contentHash: 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1',
      },
      changes: [
        { path: 'payment.incentiveShare', op: 'replace', from: '0.1', to: '0.12' },
        { path: 'measures[1]', op: 'add', to: { key: 'dsp-survey' } },
      ],
    },
  });

export const VersionRef = z
  .string()
  .regex(/^(draft|[1-9]\d*)$/, 'a published version number or `draft`')
  .openapi({ example: '1' });
