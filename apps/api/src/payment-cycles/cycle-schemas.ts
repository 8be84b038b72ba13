import { z } from '@hono/zod-openapi';

export const CycleIdParam = z
  .string()
  .regex(/^[1-9]\d{0,14}$/, 'a cycle id is a positive whole number')
  .openapi({ param: { name: 'id', in: 'path' }, example: '7' });
export const CycleParams = z.object({ id: CycleIdParam });

export const NewCycleSchema = z
  .strictObject({
    runId: z.number().int().positive().openapi({ example: 12 }),
    label: z.string().min(1).max(200).optional().openapi({ example: 'Interim payment, October 2026' }),
  })
  .openapi('NewPaymentCycle');

export const CycleTotalsSchema = z
  .object({
    dueCents: z.number().int().openapi({ example: 2_806_000 }),
    recoveredCents: z.number().int().openapi({ example: 1_122_400 }),
    netCents: z.number().int().openapi({ example: 1_683_600 }),
    lines: z.number().int().openapi({ example: 3 }),
  })
  .openapi('PaymentCycleTotals');

export const CycleSchema = z
  .object({
    id: z.number().int().openapi({ example: 7 }),
    fiscalYear: z.string().openapi({ example: '2026-27' }),
    program: z.string().openapi({ example: 'dhcs-ept' }),
    runId: z.number().int().openapi({ example: 12 }),
    label: z.string().nullable().openapi({ example: 'October 2026' }),
    status: z.enum(['draft', 'approved']).openapi({ example: 'draft' }),
    official: z.boolean().openapi({ example: false }),
    interimShare: z.string().nullable().openapi({ example: '0.8' }),
    recoveries: z.enum(['line', 'offset']).openapi({ example: 'line' }),
    lifetimeKeys: z.array(z.string()).openapi({ example: ['milestone:*'] }),
    createdBy: z.string().openapi({ example: '3f6c1a2e-6d7b-4b1e-9d1a-0c1e2f3a4b5c' }),
    createdByName: z.string().openapi({ example: 'finance office' }),
    createdAt: z.string().openapi({ example: '2026-10-01T17:00:00.000Z' }),
    approvedBy: z.string().nullable().openapi({ example: null }),
    approvedByName: z.string().nullable().openapi({ example: null }),
    approvedAt: z.string().nullable().openapi({ example: null }),
    totals: CycleTotalsSchema,
  })
  .openapi('PaymentCycle');

export const CycleListSchema = z
  .object({ items: z.array(CycleSchema), nextCursor: z.string().nullable().openapi({ example: null }) })
  .openapi('PaymentCycleList');

export const CycleLineSchema = z
  .object({
    entityId: z.string().openapi({ example: 'EPT-0001' }),
    key: z.string().openapi({ example: 'milestone:3' }),
    kind: z.string().openapi({ example: 'milestone' }),
    lifetime: z.boolean().openapi({ example: true }),
    entitledCents: z.number().int().openapi({ example: 1_122_400 }),
    payableCents: z.number().int().openapi({ example: 1_122_400 }),
    elsewhereCents: z.number().int().openapi({ example: 0 }),
    paidBeforeCents: z.number().int().openapi({ example: 0 }),
    deferredCents: z.number().int().openapi({ example: 0 }),
    dueCents: z.number().int().openapi({ example: 1_122_400 }),
  })
  .openapi('PaymentCycleLine');

export const CycleLinePageSchema = z
  .object({ items: z.array(CycleLineSchema), nextCursor: z.string().nullable().openapi({ example: null }) })
  .openapi('PaymentCycleLinePage');

export const LedgerSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.number().int().openapi({ example: 41 }),
        cycleId: z.number().int().openapi({ example: 7 }),
        fiscalYear: z.string().openapi({ example: '2026-27' }),
        entityId: z.string().openapi({ example: 'EPT-0001' }),
        key: z.string().openapi({ example: 'milestone:3' }),
        kind: z.string().openapi({ example: 'milestone' }),
        amountCents: z.number().int().openapi({ example: 1_122_400 }),
        balanceCents: z.number().int().openapi({ example: 1_122_400 }),
        approvedAt: z.string().openapi({ example: '2026-10-02T16:00:00.000Z' }),
      }),
    ),
    balances: z.array(
      z.object({
        entityId: z.string().openapi({ example: 'EPT-0001' }),
        key: z.string().openapi({ example: 'milestone:3' }),
        paidCents: z.number().int().openapi({ example: 1_122_400 }),
      }),
    ),
    nextCursor: z.string().nullable().openapi({ example: null }),
  })
  .openapi('Ledger');
