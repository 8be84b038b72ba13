import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bearer } from './test-app.ts';

/** The repository root (this file is apps/api/src/testing/doc-examples.ts). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

/** The documents whose ```json and ```csv blocks are examples: the program pages and the README. */
export function exampleDocuments(): string[] {
  const programs = join(REPO_ROOT, 'docs', 'programs');
  return [
    join(REPO_ROOT, 'README.md'),
    ...readdirSync(programs)
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => join(programs, name)),
  ];
}

/**
 * What a doc example is, as its marker says. The marker is an HTML comment on the line right before
 * the fence (blank lines allowed in between), invisible when rendered:
 *
 * - `<!-- example: payees <program> <fy> -->`: a payee upload, `POST .../entities` with an admin key.
 * - `<!-- example: submissions <program> <fy> submitter [received=YYYY-MM-DD] -->`: a provider's
 *   upload with a submitter key (no `submittedOn`), received on that day (default: the test clock's).
 * - `<!-- example: submissions <program> <fy> admin [received=YYYY-MM-DD] -->`: an administrator's
 *   historic load, received on that day: every row carries its `submittedOn` (not after that day).
 * - `<!-- example: payment <program> <fy> -->`: a payment as the API answers it, checked against the
 *   page's worked example.
 * - `<!-- example: other <why> -->`: anything else (a rulebook fragment, ...), read by no test.
 */
export type ExampleMarker =
  | { kind: 'payees'; program: string; fiscalYear: string }
  | {
      kind: 'submissions';
      program: string;
      fiscalYear: string;
      as: 'submitter' | 'admin';
      /** The day the batch is received (the test clock's day when absent). */
      received?: string;
    }
  | { kind: 'payment'; program: string; fiscalYear: string }
  | { kind: 'other'; why: string };

export interface DocExample {
  /** e.g. `docs/programs/dhcs-ept.md:142` (the fence's line). */
  where: string;
  file: string;
  line: number;
  lang: 'json' | 'csv';
  text: string;
  /** The marker's words, or null when the block has none. */
  markerText: string | null;
}

const FENCE = /^(\s*)```(\S*)\s*$/;
const MARKER = /^\s*<!--\s*example:\s*(.*?)\s*-->\s*$/;

/** Every fenced ```json and ```csv block of a markdown text, with the marker right before it. */
export function extractExamples(file: string, markdown: string): DocExample[] {
  const lines = markdown.split('\n');
  const examples: DocExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!;
    const lang = open[2]!.toLowerCase();
    let end = i + 1;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end]!)) end++;
    if (lang === 'json' || lang === 'csv') {
      let before = i - 1;
      while (before >= 0 && lines[before]!.trim() === '') before--;
      const marker = before >= 0 ? MARKER.exec(lines[before]!) : null;
      examples.push({
        where: `${relative(REPO_ROOT, file)}:${i + 1}`,
        file,
        line: i + 1,
        lang,
        text: lines
          .slice(i + 1, end)
          .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
          .join('\n'),
        markerText: marker ? marker[1]! : null,
      });
    }
    i = end;
  }
  return examples;
}

export function readDocExamples(files = exampleDocuments()): DocExample[] {
  return files.flatMap((file) => extractExamples(file, readFileSync(file, 'utf8')));
}

/** Reads a marker's words; throws naming what is wrong, so a malformed marker fails the test. */
export function parseMarker(words: string): ExampleMarker {
  const [kind, ...rest] = words.split(/\s+/);
  if (kind === 'other') {
    if (rest.length === 0) throw new Error('an "other" example names why it is not run');
    return { kind, why: rest.join(' ') };
  }
  if (kind !== 'payees' && kind !== 'submissions' && kind !== 'payment') {
    throw new Error(`unknown example kind "${kind}" (payees, submissions, payment or other)`);
  }
  const [program, fiscalYear, ...options] = rest;
  if (!program || !/^[a-z]+(-[a-z]+)+$/.test(program)) throw new Error('the marker names no program');
  if (!fiscalYear || !/^\d{4}-\d{2}$/.test(fiscalYear)) throw new Error('the marker names no fiscal year');
  if (kind !== 'submissions') {
    if (options.length > 0) throw new Error(`unexpected words "${options.join(' ')}"`);
    return { kind, program, fiscalYear };
  }
  const [as, ...more] = options;
  if (as !== 'submitter' && as !== 'admin')
    throw new Error('a submissions example names its key: submitter or admin');
  const marker: ExampleMarker = { kind, program, fiscalYear, as };
  for (const option of more) {
    const received = /^received=(\d{4}-\d{2}-\d{2})$/.exec(option);
    if (!received) throw new Error(`unexpected words "${option}"`);
    marker.received = received[1]!;
  }
  return marker;
}

/** The rows of a JSON array or a CSV text (header row + rows, no quoting in doc examples). */
export function exampleRows(example: Pick<DocExample, 'lang' | 'text'>): Record<string, unknown>[] {
  if (example.lang === 'json') {
    const parsed: unknown = JSON.parse(example.text);
    return (Array.isArray(parsed) ? parsed : [parsed]) as Record<string, unknown>[];
  }
  const [header, ...rows] = example.text.split('\n').filter((line) => line.trim() !== '');
  const columns = header!.split(',');
  return rows.map((line) => {
    const cells = line.split(',');
    if (cells.length !== columns.length) {
      throw new Error(`a CSV row has ${cells.length} cells for ${columns.length} columns: ${line}`);
    }
    return Object.fromEntries(columns.map((column, i) => [column, cells[i]]));
  });
}

/** The payee ids a submission example names (its `entityId` values). */
export function exampleEntityIds(example: Pick<DocExample, 'lang' | 'text'>): string[] {
  return [...new Set(exampleRows(example).map((row) => String(row.entityId)))];
}

/** True when any row of the example sends `submittedOn` (a non-empty cell in CSV). */
export function sendsSubmittedOn(example: Pick<DocExample, 'lang' | 'text'>): boolean {
  return exampleRows(example).some((row) => row.submittedOn !== undefined && row.submittedOn !== '');
}

/** The request that posts a doc example as `key`, typed by its language (JSON or CSV). */
export function exampleRequest(key: string, example: Pick<DocExample, 'lang' | 'text'>): RequestInit {
  return {
    method: 'POST',
    headers: { ...bearer(key), 'Content-Type': example.lang === 'json' ? 'application/json' : 'text/csv' },
    body: example.text,
  };
}
