import type { RulebookInput } from '../rulebook-input.ts';
import { qipEmploymentRates, qipScreeningRates } from './qip-rate-measures.ts';
import { qipReportingMeasures } from './qip-reporting-measures.ts';
import type { QipYear } from './qip-year.ts';

const REPORTING = [
  'qip-provider-directory',
  'qip-dsp-survey',
  'qip-non-dsp-workforce',
  'qip-employment-staff',
  'qip-employment-outcomes',
  'qip-preventive-screenings',
];

/** DDS Quality Incentive Program for one fiscal year (source 000_7765ac116eeb0451.txt). */
export function qipRulebook(y: QipYear): RulebookInput {
  return {
    schemaVersion: 1,
    program: 'dds-qip',
    name: 'DDS Quality Incentive Program (QIP)',
    description: y.description,
    fiscalYear: y.fiscalYear,
    effectiveFrom: y.firstDay,
    payee: {
      // One payee per vendor number and service code: rates are set per service code.
      kind: 'provider-service-code',
      fields: {
        name: { type: 'string', required: true },
        vendorNumber: { type: 'string', required: true },
        serviceCode: { type: 'string', required: true, description: 'three digits, text (096 keeps its 0)' },
        regionalCenter: { type: 'string', required: true },
        rateCents: {
          type: 'number',
          required: true,
          min: 0,
          description: 'rate-model rate per unit, integer cents',
        },
        units: { type: 'number', required: true, min: 0, description: 'units of service paid in the period' },
        unitType: { type: 'string', description: 'hour, day, month, trip, ... (display)' },
      },
    },
    measures: [...qipReportingMeasures(y), ...qipEmploymentRates(), ...qipScreeningRates(y)],
    payment: {
      method: 'rate-incentive',
      // 000_7765ac116eeb0451.txt (000-08, 000-12): the quality incentive rate is 10% of the rate
      // model; (000-11) the remaining 90% is the base rate. (000-12: "under development, may be adjusted".)
      incentiveShare: '0.1',
      // DEFAULT — review: partial credit by weight of the met reporting measures (000-09: "up to 10%").
      earning: 'weighted-met',
      // Only the reporting measures move money in FY 2025-26 and 2026-27 (000-06: start in 2B).
      measures: REPORTING,
      unitsAttribute: 'units',
      rateAttribute: 'rateCents',
      // DEFAULT — review: half-up to the cent.
      rounding: 'half-up',
    },
  };
}
