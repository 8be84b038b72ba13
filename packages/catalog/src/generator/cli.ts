/// <reference types="node" />
// pnpm generate --program dds-qip --size california --seed 42 --out ./.tmp/data [--format csv|ndjson]
//   [--malformed-rate 0.001] [--fiscal-year 2026-27] [--scale 1]
// Writes <program>.entities.<ext> and <program>.submissions.<ext> (and <program>.malformed.json
// listing the bad rows when --malformed-rate is given), streaming, and prints counts and time.
import { once } from 'node:events';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { entityCsvLines, ndjsonLines, submissionCsvLines, submissionDataColumns } from './csv-lines.ts';
import { GENERATED_PROGRAMS, generateProgramData } from './generate-program-data.ts';
import type { GeneratedRow, GeneratorSize } from './program-generator.ts';

const CHUNK = 1 << 16;

/** Writes lines to a file in 64 KB chunks, waiting whenever the stream asks for a pause. */
async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  let buffer = '';
  for (const line of lines) {
    buffer += line;
    if (buffer.length >= CHUNK) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

function fail(message: string): never {
  console.error(`generate: ${message}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      program: { type: 'string', default: 'all' },
      size: { type: 'string', default: 'demo' },
      seed: { type: 'string', default: '42' },
      out: { type: 'string', default: './.tmp/data' },
      format: { type: 'string', default: 'ndjson' },
      'malformed-rate': { type: 'string', default: '0' },
      'fiscal-year': { type: 'string', default: '2026-27' },
      scale: { type: 'string', default: '1' },
    },
  });
  const programs = values.program === 'all' ? GENERATED_PROGRAMS : [values.program];
  for (const p of programs)
    if (!GENERATED_PROGRAMS.includes(p))
      fail(`unknown program ${p}; known: ${GENERATED_PROGRAMS.join(', ')}, all`);
  if (values.size !== 'demo' && values.size !== 'california') fail('--size must be demo or california');
  if (values.format !== 'csv' && values.format !== 'ndjson') fail('--format must be csv or ndjson');
  const seed = Number(values.seed);
  const malformedRate = Number(values['malformed-rate']);
  const scale = Number(values.scale);
  mkdirSync(values.out, { recursive: true });

  for (const programId of programs) {
    const started = performance.now();
    const data = generateProgramData(programId, {
      seed,
      size: values.size as GeneratorSize,
      fiscalYear: values['fiscal-year'],
      malformedRate,
      scale,
    });
    const ext = values.format;
    const entitiesPath = join(values.out, `${programId}.entities.${ext}`);
    const submissionsPath = join(values.out, `${programId}.submissions.${ext}`);
    await writeLines(
      entitiesPath,
      ext === 'csv' ? entityCsvLines(data.entities, data.shape.entityFields) : ndjsonLines(data.entities),
    );

    let rows = 0;
    const malformed: { row: number; kind: string }[] = [];
    function* submissions(all: Iterable<GeneratedRow>) {
      for (const r of all) {
        rows = r.row;
        if (r.malformed) malformed.push({ row: r.row, kind: r.malformed });
        yield r.submission;
      }
    }
    const stream = submissions(data.rows());
    await writeLines(
      submissionsPath,
      ext === 'csv' ? submissionCsvLines(stream, submissionDataColumns(data.shape)) : ndjsonLines(stream),
    );
    if (malformedRate > 0)
      writeFileSync(join(values.out, `${programId}.malformed.json`), `${JSON.stringify(malformed)}\n`);

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const people = data.people === undefined ? '' : `, ${data.people} people`;
    console.log(
      `${programId}: ${data.entities.length} entities${people}, ${rows} submissions (${malformed.length} malformed) -> ${submissionsPath} in ${seconds} s`,
    );
  }
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
