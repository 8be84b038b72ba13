import { CATALOG } from '@quip/catalog';
import { type FieldType, isIsoDate } from '@quip/core';
import { loadCatalog } from '@quip/db';
import { DATABASE_KINDS } from '@quip/db/testing';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCell } from '../ingest/parse-cell.ts';
import { exampleRequest, exampleRows, parseMarker, readDocExamples } from '../testing/doc-examples.ts';
import { bearer, useTestApp } from '../testing/test-app.ts';

/**
 * The JSON Schema served for each measure's submission rows is the upload's own judgement, checked
 * with a real validator (Ajv, draft 2020-12): every catalog program's doc example rows meet it (and
 * the upload takes them), and a row broken in any of the ways a schema can see (an unknown field,
 * a value of the wrong type, a missing record key or required field, a foreign period) fails it
 * (and the upload refuses it, at the same place).
 */

type Row = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: a served JSON Schema, read loosely
type Schema = any;

const FY = '2026-27';
const examples = readDocExamples().flatMap((example) => {
  const marker = example.markerText === null ? null : parseMarker(example.markerText);
  return marker && (marker.kind === 'payees' || marker.kind === 'submissions') ? [{ example, marker }] : [];
});
const submissionExamples = examples.filter((e) => e.marker.kind === 'submissions');
const PROGRAMS = [...new Set(CATALOG.filter((e) => e.fiscalYear === FY).map((e) => e.programId))];

/** A field's type, as the served schema gives it (a field that may be absent is `anyOf: [typed, absent]`). */
function fieldType(property: Schema): FieldType {
  const typed = property.anyOf ? property.anyOf[0] : property;
  if (typed.type === 'array') return 'list';
  if (typed.type === 'string' && typed.format === 'date') return 'date';
  return typed.type as FieldType;
}

/** A doc example row as JSON: CSV cells read as the upload reads them (by the field's type). */
function jsonRow(row: Row, schema: Schema): Row {
  if (row.data !== undefined) return row;
  const fields = schema.properties.data.properties as Record<string, Schema>;
  const json: Row = {};
  const data: Row = {};
  for (const [column, cell] of Object.entries(row)) {
    if (cell === '') continue;
    if (!column.startsWith('data.')) json[column] = cell;
    else {
      const name = column.slice('data.'.length);
      data[name] = parseCell(String(cell), fields[name] ? fieldType(fields[name]) : undefined);
    }
  }
  return { ...json, data };
}

/** A value of another type than the field's (never one the upload could read as the field's). */
const WRONG: Record<FieldType, unknown> = {
  number: 'not a number',
  string: 42,
  boolean: 'yes',
  date: '2026-02-30',
  list: 'one;two',
};

/** The ways a schema can see a row is wrong, each with where the upload reports it. */
function brokenRows(row: Row, schema: Schema): { why: string; row: Row; path: string }[] {
  const data = row.data as Row;
  const fields = schema.properties.data.properties as Record<string, Schema>;
  const present = Object.keys(data).filter((name) => fields[name]);
  const required: string[] = schema.properties.data.required;
  const broken: { why: string; row: Row; path: string }[] = [
    { why: 'an unknown field', row: { ...row, data: { ...data, notAField: 1 } }, path: 'data.notAField' },
    { why: 'a foreign period', row: { ...row, period: '2019-20' }, path: 'period' },
  ];
  for (const name of present) {
    broken.push({
      why: `${name} of the wrong type`,
      row: { ...row, data: { ...data, [name]: WRONG[fieldType(fields[name])] } },
      path: `data.${name}`,
    });
  }
  for (const name of required) {
    const { [name]: _gone, ...rest } = data;
    broken.push({ why: `${name} missing`, row: { ...row, data: rest }, path: `data.${name}` });
  }
  return broken;
}

describe.each(DATABASE_KINDS)('submission schemas on %s', (kind) => {
  let now = '2026-09-15T17:00:00Z';
  const t = useTestApp(kind, { clock: () => new Date(now) });
  const ajv = new Ajv2020({ allErrors: true });
  ajv.addFormat('date', { type: 'string', validate: isIsoDate });
  const compiled = new Map<string, ValidateFunction>();

  beforeAll(async () => {
    await loadCatalog(t.database.db, CATALOG);
    for (const { example, marker } of examples.filter((e) => e.marker.kind === 'payees')) {
      const res = await t.api(
        `/fiscal-years/${marker.fiscalYear}/programs/${marker.program}/entities`,
        exampleRequest(t.admin, example),
      );
      expect(res.status, example.where).toBe(200);
    }
  });

  const schemaUrl = (program: string, measure: string, fy = FY) =>
    `/api/v1/fiscal-years/${fy}/programs/${program}/measures/${measure}/submission-schema`;

  /** The schema served for a measure, and its validator (compiled once per measure). */
  async function served(
    program: string,
    measure: string,
  ): Promise<{ schema: Schema; validate: ValidateFunction }> {
    const res = await t.app.request(schemaUrl(program, measure), { headers: bearer(t.admin) });
    expect(res.status, `${program} ${measure}`).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/schema+json');
    const schema: Schema = await res.json();
    const key = `${program}/${measure}`;
    if (!compiled.has(key)) compiled.set(key, ajv.compile(schema));
    return { schema, validate: compiled.get(key)! };
  }

  /** A dry run of rows, received on `day`: the upload's answer. */
  async function dryRun(program: string, rows: Row[], day: string | undefined) {
    now = day ? `${day}T17:00:00Z` : '2026-09-15T17:00:00Z';
    try {
      const res = await t.app.request(`/api/v1/fiscal-years/${FY}/programs/${program}/submissions?dryRun=1`, {
        method: 'POST',
        headers: { ...bearer(t.admin), 'Content-Type': 'application/json' },
        body: JSON.stringify(rows),
      });
      return { status: res.status, body: (await res.json()) as { errors?: { row: number; path: string }[] } };
    } finally {
      now = '2026-09-15T17:00:00Z';
    }
  }

  it('serves a schema Ajv compiles (strict) for every measure of every program that takes submissions', async () => {
    for (const entry of CATALOG.filter((e) => e.fiscalYear === FY)) {
      const rulebook = entry.rulebook as { measures: { key: string; dataFrom?: string }[] };
      for (const measure of rulebook.measures.filter((m) => m.dataFrom === undefined)) {
        const { schema } = await served(entry.programId, measure.key);
        expect(schema).toMatchObject({ properties: { measure: { const: measure.key } } });
      }
    }
    expect(compiled.size).toBeGreaterThan(20);
  });

  it('finds doc example submissions of every catalog program', () => {
    expect(new Set(submissionExamples.map((e) => e.marker.program))).toEqual(new Set(PROGRAMS));
  });

  it.each(submissionExamples.map((e) => [e.example.where, e] as const))(
    '%s: every row meets its measure schema, and the upload takes them',
    async (_where, { example, marker }) => {
      if (marker.kind !== 'submissions') throw new Error('not a submission example');
      const rows: Row[] = [];
      for (const row of exampleRows(example)) {
        const { schema, validate } = await served(marker.program, String(row.measure));
        const json = jsonRow(row, schema);
        expect(validate(json), `${example.where} ${JSON.stringify(validate.errors)}`).toBe(true);
        rows.push(json);
      }
      expect((await dryRun(marker.program, rows, marker.received)).status).toBe(200);
    },
  );

  it.each(submissionExamples.map((e) => [e.example.where, e] as const))(
    '%s: a broken row fails its measure schema, and the upload refuses it at the same place',
    async (_where, { example, marker }) => {
      if (marker.kind !== 'submissions') throw new Error('not a submission example');
      const first = exampleRows(example)[0]!;
      const { schema, validate } = await served(marker.program, String(first.measure));
      for (const broken of brokenRows(jsonRow(first, schema), schema)) {
        expect(validate(broken.row), `${example.where}: ${broken.why}`).toBe(false);
        const answer = await dryRun(marker.program, [broken.row], marker.received);
        expect(answer.status, `${example.where}: ${broken.why}`).toBe(422);
        expect(
          answer.body.errors?.map((e) => e.path),
          broken.why,
        ).toContain(broken.path);
      }
    },
  );

  it('is readable by every role; 404 for an unknown measure or one submitted under another; 409 unpublished', async () => {
    for (const role of ['analyst', 'submitter'] as const) {
      const key = await t.keyFor(role, role === 'submitter' ? ['PV-1'] : undefined);
      const res = await t.app.request(schemaUrl('dhcs-ept', 'ept-milestone'), { headers: bearer(key) });
      expect(res.status, role).toBe(200);
    }
    const unknown = await t.app.request(schemaUrl('dhcs-ept', 'no-such-measure'), {
      headers: bearer(t.admin),
    });
    expect(unknown.status).toBe(404);
    const reader = await t.app.request(schemaUrl('dds-qip', 'qip-colorectal-screening'), {
      headers: bearer(t.admin),
    });
    expect(reader.status).toBe(404);
    expect(((await reader.json()) as { detail: string }).detail).toContain(
      'its data is submitted as qip-preventive-screenings',
    );
    const unpublished = await t.app.request(schemaUrl('dhcs-wpc', 'wpc-ed-visits', '2025-26'), {
      headers: bearer(t.admin),
    });
    expect(unpublished.status).toBe(409);
  });
});
