/// <reference types="node" />
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DHCS_EPT_SHAPE } from './dhcs-ept.ts';
import { GENERATED_PROGRAMS, generateProgramData } from './generate-program-data.ts';
import type { GeneratorOptions } from './program-generator.ts';

function outputHash(programId: string, options: GeneratorOptions): string {
  const data = generateProgramData(programId, options);
  const hash = createHash('sha256');
  for (const e of data.entities) hash.update(`${JSON.stringify(e)}\n`);
  for (const s of data.submissions()) hash.update(`${JSON.stringify(s)}\n`);
  return hash.digest('hex');
}

// Field types from the field tables of docs/programs/*.md; every other data field is a number.
const DATES = new Set(['verifiedOn', 'completedOn', 'asOfDate', 'screenedOn']);
const LISTS = new Set(['zipCodesServed', 'languages', 'interpretationLanguages']);
const BOOLEANS = new Set([
  'acceptingReferrals',
  'healthBenefitsOffered',
  'retirementBenefitsOffered',
  'childrenYouthFocus',
  'pregnantIndividualsFocus',
  'tribalPractice',
  'dataSharingLive',
]);
const STRINGS = new Set([
  'businessName',
  'phone',
  'email',
  'providerType',
  'surveyConfirmationId',
  'jobCategory',
  'personId',
  'screening',
  'testType',
  'missedReason',
  'primaryLanguage',
  'baseMeasure',
  'documentId',
]);
const ISO = /^\d{4}-\d{2}-\d{2}$/;

function typeProblem(field: string, value: unknown): string | null {
  if (DATES.has(field)) return typeof value === 'string' && ISO.test(value) ? null : 'date';
  if (LISTS.has(field))
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? null : 'list';
  if (BOOLEANS.has(field)) return typeof value === 'boolean' ? null : 'boolean';
  if (STRINGS.has(field)) return typeof value === 'string' && value !== '' ? null : 'string';
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? null : 'number >= 0';
}

describe('generateProgramData', () => {
  it('is deterministic: the same seed gives the same bytes, another seed other bytes', () => {
    for (const programId of GENERATED_PROGRAMS) {
      const options: GeneratorOptions = { seed: 42, size: 'demo', fiscalYear: '2026-27' };
      const first = outputHash(programId, options);
      expect(outputHash(programId, options), programId).toBe(first);
      expect(outputHash(programId, { ...options, seed: 43 }), programId).not.toBe(first);
    }
  });

  it('makes a few hundred payees per program at demo size (25 for QWI and WPC)', () => {
    const counts = Object.fromEntries(
      GENERATED_PROGRAMS.map((p) => [p, generateProgramData(p, { seed: 1, size: 'demo' }).entities.length]),
    );
    expect(counts['dds-qip']).toBe(300);
    expect(counts['dhcs-qwi']).toBe(25);
    expect(counts['dhcs-ept']).toBe(197);
    expect(counts['dhcs-wpc']).toBe(25);
    expect(counts['dhcs-mcas']).toBeGreaterThanOrEqual(150);
    expect(counts['dhcs-mcas']).toBeLessThanOrEqual(300);
  });

  it('produces entities and submissions in exactly the documented shapes', () => {
    for (const programId of GENERATED_PROGRAMS) {
      const data = generateProgramData(programId, { seed: 7, size: 'demo' });
      // Problems are collected and compared once: an expect per field of 12,000 rows is slow.
      const problems: string[] = [];
      const ids = new Set<string>();
      for (const e of data.entities) {
        if (typeof e.id !== 'string' || typeof e.name !== 'string')
          problems.push(`${programId}: entity without id or name`);
        for (const key of Object.keys(e))
          if (!data.shape.entityFields.includes(key)) problems.push(`${programId}: entity field ${key}`);
        if (ids.has(e.id)) problems.push(`duplicate id ${e.id}`);
        ids.add(e.id);
      }
      const measuresSeen = new Set<string>();
      for (const s of data.submissions()) {
        const keys = Object.keys(s)
          .filter((k) => k !== 'submittedOn')
          .join(',');
        if (keys !== 'entityId,measure,period,data') problems.push(`envelope ${keys}`);
        if (!ids.has(s.entityId)) problems.push(`unknown payee ${s.entityId}`);
        if (s.period !== '2026-27') problems.push(`period ${s.period}`);
        if (s.submittedOn !== undefined && !ISO.test(s.submittedOn ?? ''))
          problems.push(`submittedOn ${s.submittedOn}`);
        const measure = data.shape.measures[s.measure];
        if (!measure) {
          problems.push(`unknown measure ${s.measure}`);
          continue;
        }
        measuresSeen.add(s.measure);
        for (const [field, value] of Object.entries(s.data)) {
          if (!measure.fields.includes(field)) problems.push(`${s.measure}.${field} is not a field`);
          const problem = typeProblem(field, value);
          if (problem) problems.push(`${s.measure}.${field} = ${JSON.stringify(value)} is not a ${problem}`);
        }
        for (const field of measure.required)
          if (s.data[field] === undefined) problems.push(`${s.measure} lacks ${field}`);
      }
      expect(problems.slice(0, 10), programId).toEqual([]);
      // Every measure that holds data has some.
      expect([...measuresSeen].sort(), programId).toEqual(Object.keys(data.shape.measures).sort());
    }
  });

  it('keeps the entity field types of the docs', () => {
    const dds = generateProgramData('dds-qip', { seed: 7, size: 'demo' }).entities;
    for (const e of dds) {
      expect(e.id).toMatch(/^(HR|PV)-\d{6}-\d{3}$/);
      expect(e.id).toBe(`${e.vendorNumber}-${e.serviceCode}`);
      expect(typeof e.serviceCode).toBe('string');
      expect(Number.isInteger(e.rateCents) && (e.rateCents as number) > 0).toBe(true);
      expect((e.units as number) > 0).toBe(true);
    }
    // Service code 096 keeps its leading zero when it occurs.
    expect(dds.some((e) => e.serviceCode === '096')).toBe(true);
    for (const e of generateProgramData('dhcs-qwi', { seed: 7, size: 'demo' }).entities) {
      expect(Number.isInteger(e.capitationCents)).toBe(true);
      expect(Array.isArray(e.counties) && (e.counties as string[]).length > 0).toBe(true);
    }
    for (const e of generateProgramData('dhcs-ept', { seed: 7, size: 'demo' }).entities) {
      // Every field of the docs' payee table (csv-lines.test.ts checks it against the page), in order.
      expect(Object.keys(e)).toEqual(DHCS_EPT_SHAPE.entityFields);
      expect([23, 25]).toContain(e.milestoneCount);
    }
    for (const e of generateProgramData('dhcs-mcas', { seed: 7, size: 'demo' }).entities) {
      expect(e.id.startsWith(`${e.planId}-`)).toBe(true);
      if (e.netIncomeCents !== undefined) expect(Number.isInteger(e.netIncomeCents)).toBe(true);
    }
    for (const e of generateProgramData('dhcs-wpc', { seed: 7, size: 'demo' }).entities) {
      expect([
        'county',
        'city-and-county',
        'city',
        'health-authority',
        'hospital-authority',
        'consortium',
      ]).toContain(e.leadEntityType);
      expect(typeof e.providesHousingServices).toBe('boolean');
    }
  });

  it('moves every date to the fiscal year asked for', () => {
    const data = generateProgramData('dhcs-ept', { seed: 7, size: 'demo', fiscalYear: '2025-26' });
    for (const s of data.submissions()) {
      expect(s.period).toBe('2025-26');
      if (s.measure === 'ept-milestone') {
        const on = s.data.completedOn as string;
        expect(on >= '2025-07-01' && on <= '2026-06-30', on).toBe(true);
      }
    }
  });

  it('refuses what it cannot generate', () => {
    expect(() => generateProgramData('nope', { seed: 1, size: 'demo' })).toThrow(/dds-qip/);
    expect(() => generateProgramData('dds-qip', { seed: 1.5, size: 'demo' })).toThrow(/seed/);
    expect(() => generateProgramData('dds-qip', { seed: 1, size: 'demo', malformedRate: 2 })).toThrow(
      /malformedRate/,
    );
  });
});
