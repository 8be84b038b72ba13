/**
 * A small valid DDS QIP rulebook (the README's example, cut down) for the rulebook and fiscal-year
 * tests: the catalog's own rulebooks change over time, this one is fixed.
 */
export function ddsQipRulebook(fiscalYear = '2026-27', incentiveShare = '0.1') {
  return {
    schemaVersion: 1,
    program: 'dds-qip',
    name: 'DDS Quality Incentive Program',
    fiscalYear,
    payee: {
      kind: 'provider-service-code',
      fields: {
        serviceCode: { type: 'string', required: true },
        rateCents: { type: 'number', required: true },
        units: { type: 'number', required: true },
      },
    },
    measures: [
      {
        key: 'provider-directory',
        name: 'Provider directory',
        domain: 'provider-directory',
        kind: 'reporting',
        fields: {
          zipCodes: { type: 'list', required: true },
          acceptsReferrals: { type: 'boolean', required: true },
        },
        compute: { kind: 'reporting', timely: { dueDate: '2026-10-31' } },
      },
      {
        key: 'internship-to-cie',
        name: 'Internship to competitive integrated employment',
        domain: 'employment',
        kind: 'outcome',
        appliesTo: { serviceCode: ['950', '952'] },
        fields: {
          movedToCie: { type: 'number', required: true, min: 0 },
          inInternship: { type: 'number', required: true, min: 0 },
        },
        compute: { kind: 'rate-counts', numeratorField: 'movedToCie', denominatorField: 'inInternship' },
        minDenominator: 3,
        target: { kind: 'absolute', value: 0.3 },
      },
    ],
    payment: { method: 'rate-incentive', incentiveShare, earning: 'all-met' },
  };
}

export const json = (key: string, body: unknown, method = 'POST') => ({
  method,
  headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});
