import { z } from '@hono/zod-openapi';
import type { PaymentLine, TraceStep } from '@quip/core';
import { RUN_STATUSES, type RunPayment } from '@quip/db';
import { FiscalYearParam, ProgramParam } from '../http/common-schemas.ts';
import { pageQuery, pageSchema } from '../http/page.ts';

export const RunIdParam = z
  .string()
  .regex(/^[1-9]\d{0,14}$/, 'a run id is a positive whole number')
  .openapi({ param: { name: 'id', in: 'path' }, example: '12' });

export const ProgramYearParams = z.object({ fy: FiscalYearParam, program: ProgramParam });
export const RunParams = z.object({ id: RunIdParam });

export const RunTotalsSchema = z
  .object({
    payees: z.number().int(),
    totalCents: z.number().int(),
    byLineKind: z.record(z.string(), z.number().int()),
  })
  .openapi('RunTotals', {
    example: { payees: 3, totalCents: 14000, byLineKind: { base: 13500, incentive: 500 } },
  });

export const RunSchema = z
  .object({
    id: z.number().int(),
    fiscalYear: z.string(),
    program: z.string(),
    status: z.enum(RUN_STATUSES),
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
    totals: RunTotalsSchema.nullable(),
    reason: z.string().nullable().openapi({ description: 'Why the run failed or was cancelled' }),
    rulebook: z.object({ version: z.number().int(), contentHash: z.string() }),
    rulebookVersion: z
      .number()
      .int()
      .openapi({ description: 'The published rulebook version the run pinned' }),
    snapshot: z.object({
      submissionId: z
        .number()
        .int()
        .openapi({ description: 'The run reads the submissions current among ids up to this one' }),
    }),
    asOf: z.string().openapi({ format: 'date', description: 'The evaluation day the run used' }),
    official: z.boolean().openapi({
      description: "The program's final run of the fiscal year: the one closing the year locks",
    }),
    stage: z.enum(['none', 'preliminary', 'final']).openapi({
      description:
        "Who sees the run: `none` administrators and analysts only; `preliminary` published to its payees' submitters, who may file review requests until `reviewUntil`; `final` the official run",
    }),
    reviewUntil: z
      .string()
      .nullable()
      .openapi({ format: 'date', description: 'The last day of the review window of a preliminary run' }),
    publishedAt: z
      .string()
      .nullable()
      .openapi({ description: 'When the run was first published to its payees' }),
    issues: z.array(z.record(z.string(), z.unknown())).nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .openapi('Run', {
    example: {
      id: 12,
      fiscalYear: '2026-27',
      program: 'dds-qip',
      status: 'succeeded',
      progress: { done: 3, total: 3 },
      totals: { payees: 3, totalCents: 14000, byLineKind: { base: 13500, incentive: 500 } },
      reason: null,
      rulebook: { version: 2, contentHash: 'c0ffee...' },
      rulebookVersion: 2,
      snapshot: { submissionId: 1841 },
      asOf: '2027-06-30',
      official: false,
      stage: 'preliminary',
      reviewUntil: '2027-09-30',
      publishedAt: '2027-07-03T10:00:00.000Z',
      issues: [],
      createdAt: '2027-07-02T09:00:00.000Z',
      startedAt: '2027-07-02T09:00:00.120Z',
      finishedAt: '2027-07-02T09:00:03.400Z',
    },
  });

export const NewRunSchema = z
  .object({
    asOf: z.iso.date().optional().openapi({
      description:
        "The evaluation day; default the fiscal year's last day or the rulebook's last due date (a reporting measure's `timely.dueDate`, a milestone's `by`), whichever is later",
    }),
  })
  .strict()
  .openapi('NewRun', { example: { asOf: '2027-06-30' } });

export const RunListSchema = pageSchema('RunList', RunSchema);

/** One step of an explanation: core's TraceStep, as the API sends it. */
export const TraceStepSchema = z
  .object({
    rule: z.string(),
    inputs: z.record(z.string(), z.unknown()).optional(),
    formula: z.string().optional(),
    value: z.unknown(),
  })
  .openapi('TraceStep') satisfies z.ZodType<TraceStep>;

/** One line of a payment: core's PaymentLine (its own fields beside kind and amount pass through). */
export const PaymentLineSchema = z
  .object({
    kind: z.string(),
    amountCents: z.number().int(),
    key: z.string().optional().openapi({ description: 'The obligation the line pays, when not derived' }),
  })
  .catchall(z.unknown())
  .openapi('PaymentLine') satisfies z.ZodType<PaymentLine>;

/** A payee's name beside its id, as the run copied it when it started (results and payments). */
const PayeeNameSchema = z.string().openapi({ description: "The payee's name as the run copied it" });

export const RunResultSchema = z
  .object({
    entityId: z.string(),
    name: PayeeNameSchema,
    measure: z.string(),
    status: z.enum(['scored', 'not-scored', 'not-applicable']),
    value: z.number().nullable(),
    exact: z.string().nullable().optional().openapi({
      description:
        "The value exactly, when `value` (the nearest double) is not: a decimal ('0.1234567890123456789') or a fraction in lowest terms ('1/3'); null or absent when `value` is exact. Targets are compared with this.",
    }),
    baselineExact: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: 'The baseline exactly, as `exact`' }),
    target: z.number().nullable(),
    met: z.boolean().nullable(),
    points: z.number().nullable(),
    reason: z.string().nullable().optional().openapi({ description: 'Why the result is not scored' }),
    trace: z
      .array(TraceStepSchema)
      .optional()
      .openapi({ description: 'With `explain=1`: how it was computed' }),
  })
  .passthrough()
  .openapi('RunResult', {
    example: {
      entityId: 'PV-00017-950',
      name: 'Sunrise Supported Employment',
      measure: 'cie',
      status: 'scored',
      value: 0.4,
      target: 0.35,
      met: true,
      points: null,
    },
  });

export const RunResultPageSchema = pageSchema('RunResultPage', RunResultSchema);

/** A stored payment as db reads it (core's Payment with the payee's name). */
export const RunPaymentSchema = z
  .object({
    entityId: z.string(),
    name: PayeeNameSchema,
    totalCents: z.number().int(),
    lines: z.array(PaymentLineSchema),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi('RunPayment', {
    example: {
      entityId: 'PV-00017-950',
      name: 'Sunrise Supported Employment',
      totalCents: 5000,
      lines: [
        { kind: 'base', amountCents: 4500 },
        { kind: 'incentive', amountCents: 500 },
      ],
      details: {},
    },
  }) satisfies z.ZodType<RunPayment>;

export const RunPaymentPageSchema = pageSchema('RunPaymentPage', RunPaymentSchema);

export const PageQuery = pageQuery(1000, 100);

const inputPair = <S extends z.ZodType>(value: S) => z.object({ from: value, to: value });

export const RunDiffSchema = z
  .object({
    run: z.number().int(),
    against: z.number().int().openapi({ description: 'The run compared with: the `from` side' }),
    inputs: z.object({
      asOf: inputPair(z.string().openapi({ format: 'date' })),
      rulebookVersion: inputPair(z.number().int()),
      rulebookContent: inputPair(z.string()).openapi({ description: 'The content hashes' }),
      snapshot: inputPair(z.number().int()).openapi({ description: 'The snapshot submission ids' }),
    }),
    changedInputs: z
      .array(z.enum(['asOf', 'rulebookVersion', 'rulebookContent', 'snapshot']))
      .openapi({ description: 'Every input that differs between the two runs; empty when none does' }),
    asOfChanged: z.boolean(),
    rulebookChanged: z.boolean().openapi({ description: 'The rulebook version or its content differs' }),
    snapshotChanged: z.boolean(),
    payees: z.array(
      z.object({
        entityId: z.string(),
        name: z.string().nullable().openapi({
          description: "The payee's name as the run copied it (the other run's, if only it has the payee)",
        }),
        totalCents: z.object({ from: z.number().int().nullable(), to: z.number().int().nullable() }),
        measures: z.array(
          z.object({
            measure: z.string(),
            changed: z.array(z.enum(['status', 'value', 'target', 'met', 'points'])),
            from: z.record(z.string(), z.unknown()).nullable(),
            to: z.record(z.string(), z.unknown()).nullable(),
          }),
        ),
      }),
    ),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: 'More payees differ: ask again with this cursor' }),
    truncated: z.boolean().openapi({ description: 'Whether more payees differ than this page shows' }),
  })
  .openapi('RunDiff', {
    example: {
      run: 13,
      against: 12,
      inputs: {
        asOf: { from: '2027-06-30', to: '2027-07-31' },
        rulebookVersion: { from: 2, to: 2 },
        rulebookContent: { from: 'c0ffee...', to: 'c0ffee...' },
        snapshot: { from: 1841, to: 1902 },
      },
      changedInputs: ['asOf', 'snapshot'],
      asOfChanged: true,
      rulebookChanged: false,
      snapshotChanged: true,
      payees: [
        {
          entityId: 'PV-00017-950',
          name: 'Sunrise Supported Employment',
          totalCents: { from: 4500, to: 5000 },
          measures: [
            {
              measure: 'cie',
              changed: ['value', 'met'],
              from: { value: 0.2, target: 0.35, met: false },
              to: { value: 0.4, target: 0.35, met: true },
            },
          ],
        },
      ],
      nextCursor: null,
      truncated: false,
    },
  });
