import { z } from '@hono/zod-openapi';
import { pageSchema } from '../http/page.ts';

export const RequestIdParam = z
  .string()
  .regex(/^[1-9]\d{0,14}$/, 'a request id is a positive whole number')
  .openapi({ param: { name: 'id', in: 'path' }, example: '7' });

export const PreliminarySchema = z
  .object({
    reviewUntil: z.iso.date().openapi({
      description:
        "The last day payees may file review requests (inclusive, in the rulebook's time zone); not before today",
    }),
  })
  .strict()
  .openapi('Preliminary', { example: { reviewUntil: '2027-09-30' } });

const SubmissionObject = z.record(z.string(), z.unknown()).openapi({
  description:
    'A submission object (`entityId`, `measure`, `period`, `data`), checked exactly as an upload checks it; `submittedOn` is refused: a correction counts as received when it is accepted',
});

export const NewReviewRequestSchema = z
  .object({
    entityId: z.string().min(1).max(200).openapi({ example: 'PV1234-950' }),
    measure: z.string().min(1).max(200).optional().openapi({ description: 'The disputed measure' }),
    lineKey: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .openapi({ description: 'The disputed payment line (its key)' }),
    reason: z.string().min(1).max(4000).openapi({ description: 'Why the payee disputes it' }),
    proposedValue: z.unknown().optional().openapi({ description: 'The value the payee says is right' }),
    corrections: z.array(SubmissionObject).max(1000).optional(),
  })
  .strict()
  .openapi('NewReviewRequest', {
    example: {
      entityId: 'PV1234-950',
      measure: 'qip-employment-outcomes',
      reason: 'The outcomes file was sent on 2027-07-29 by email; the portal upload came later.',
      proposedValue: true,
    },
  });

export const ReviewRequestSchema = z
  .object({
    id: z.number().int(),
    runId: z.number().int(),
    program: z.string(),
    fiscalYear: z.string(),
    entityId: z.string(),
    measure: z.string().nullable(),
    lineKey: z.string().nullable(),
    reason: z.string(),
    proposedValue: z.unknown().nullable(),
    corrections: z.array(z.record(z.string(), z.unknown())).nullable(),
    status: z.enum(['open', 'accepted', 'rejected']),
    decisionNote: z.string().nullable().openapi({ description: 'The reason of the decision, for the payee' }),
    decidedAt: z.string().nullable(),
    correctionBatchId: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'The submission batch that stored the corrections of an accepted request' }),
    createdAt: z.string(),
    outcome: z
      .object({
        before: z.object({
          runId: z.number().int(),
          result: z.record(z.string(), z.unknown()).nullable(),
          totalCents: z.number().int().nullable(),
        }),
        after: z.object({
          runId: z.number().int(),
          result: z.record(z.string(), z.unknown()).nullable(),
          totalCents: z.number().int().nullable(),
        }),
      })
      .nullable()
      .optional()
      .openapi({
        description:
          "Once a newer succeeded run of the program's year exists: the disputed measure's result and the payment in the request's run (before) and the newest run (after)",
      }),
  })
  .openapi('ReviewRequest', {
    example: {
      id: 7,
      runId: 12,
      program: 'dds-qip',
      fiscalYear: '2026-27',
      entityId: 'PV1234-950',
      measure: 'qip-employment-outcomes',
      lineKey: null,
      reason: 'The outcomes file was sent on time.',
      proposedValue: true,
      corrections: null,
      status: 'open',
      decisionNote: null,
      decidedAt: null,
      correctionBatchId: null,
      createdAt: '2027-09-02T16:00:00.000Z',
    },
  });

export const ReviewRequestListSchema = pageSchema('ReviewRequestList', ReviewRequestSchema);

export const DecisionSchema = z
  .object({
    decision: z.enum(['accepted', 'rejected']),
    note: z.string().min(1).max(4000).optional().openapi({
      description: 'Why; required to reject (the payee reads it)',
    }),
    submittedOn: z.iso.date().optional().openapi({
      description:
        "Accepting: the day the office finds the corrected records were received (e.g. sent on time by another channel), declared as an administrator declares a historic record's submittedOn and audited; default: received now",
    }),
  })
  .strict()
  .openapi('ReviewDecision', {
    example: { decision: 'rejected', note: 'The portal shows the file received on 2027-08-05.' },
  });
