import { z } from '@hono/zod-openapi';

const ReceivedSchema = z.object({
  receivedOn: z.string().openapi({ format: 'date' }),
  records: z.number().int(),
  onTime: z.boolean().nullable(),
  findings: z.array(z.string()),
});

const MeasureCardSchema = z
  .object({
    measure: z.string(),
    name: z.string(),
    applies: z.boolean(),
    dueDate: z.string().optional().openapi({ format: 'date' }),
    required: z.string().optional().openapi({ description: 'What is asked for, in plain words' }),
    received: z.array(ReceivedSchema),
    value: z.number().optional(),
    valueText: z.string().optional(),
    numerator: z.number().optional(),
    denominator: z.number().optional(),
    target: z.number().optional(),
    targetText: z
      .string()
      .optional()
      .openapi({ description: "Where the target came from, e.g. '50th percentile of 31 peers = 62.5%'" }),
    floor: z.number().optional(),
    met: z.boolean().optional(),
    points: z.number().optional(),
    maxPoints: z.number().optional(),
    weight: z.number(),
    addedCents: z.number().int().optional().openapi({ description: 'What meeting it would have added' }),
    explanation: z.string().openapi({ description: 'Plain words' }),
  })
  .openapi('ScorecardMeasure');

export const ScorecardSchema = z
  .object({
    entityId: z.string(),
    name: z.string(),
    run: z.object({
      id: z.number().int().nullable(),
      asOf: z.string().openapi({ format: 'date' }),
      stage: z.string().openapi({ description: 'draft, preliminary, final, or standing (computed now)' }),
    }),
    measures: z.array(MeasureCardSchema),
    payment: z.object({
      totalCents: z.number().int(),
      potentialCents: z.number().int().optional(),
      forgoneCents: z.number().int().optional(),
      lines: z.array(
        z.object({
          lineKey: z.string(),
          kind: z.string(),
          amountCents: z.number().int(),
          part: z.string().optional(),
          text: z.string(),
        }),
      ),
      rest: z.array(
        z.object({ measure: z.string(), name: z.string(), addedCents: z.number().int(), text: z.string() }),
      ),
      notes: z.array(z.string()),
      explanation: z.string(),
    }),
  })
  .openapi('Scorecard', {
    example: {
      entityId: 'PV1234-950',
      name: 'Bayview Supported Employment',
      run: { id: 12, asOf: '2027-08-31', stage: 'preliminary' },
      measures: [
        {
          measure: 'qip-employment-outcomes',
          name: "Employment: people's job moves and retention",
          applies: true,
          dueDate: '2027-07-31',
          received: [{ receivedOn: '2027-08-05', records: 1, onTime: false, findings: [] }],
          met: false,
          weight: 1,
          addedCents: 83333,
          explanation: 'Received 1 record on 2027-08-05 (due 2027-07-31). Not met: the records were late.',
        },
      ],
      payment: {
        totalCents: 4916667,
        potentialCents: 5000000,
        forgoneCents: 83333,
        lines: [
          {
            lineKey: 'base',
            kind: 'base',
            amountCents: 4500000,
            text: 'Base rate: 1,000 units at $45.00: $45,000.00',
          },
        ],
        rest: [],
        notes: [],
        explanation: 'The payment is $49,166.67.',
      },
    },
  });

export const StandingSchema = ScorecardSchema.extend({
  calendar: z.array(
    z.object({
      measure: z.string(),
      name: z.string(),
      dueDate: z.string().openapi({ format: 'date' }),
      status: z.enum(['received', 'late', 'missing', 'upcoming']),
    }),
  ),
}).openapi('Standing', {
  example: {
    entityId: 'PV1234-950',
    name: 'Bayview Supported Employment',
    run: { id: null, asOf: '2027-03-31', stage: 'standing' },
    measures: [],
    payment: {
      totalCents: 4500000,
      lines: [],
      rest: [],
      notes: [],
      explanation: 'The payment is $45,000.00.',
    },
    calendar: [
      {
        measure: 'qip-provider-directory',
        name: 'Provider Directory',
        dueDate: '2026-09-30',
        status: 'received',
      },
      {
        measure: 'qip-employment-outcomes',
        name: "Employment: people's job moves and retention",
        dueDate: '2027-07-31',
        status: 'upcoming',
      },
    ],
  },
});
