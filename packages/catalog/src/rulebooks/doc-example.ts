import { readFileSync } from 'node:fs';

/**
 * A JSON block of a program page (docs/programs/<program>.md), found by the marker on the line
 * before it (`<!-- example: submissions dds-qip 2026-27 admin received=2027-08-31 -->`): tests
 * read the worked examples' own inputs rather than copies of them. Throws when the marker or its
 * block is missing, so a page that changes is noticed.
 */
export function docExample(program: string, marker: string): unknown {
  const page = readFileSync(new URL(`../../../../docs/programs/${program}.md`, import.meta.url), 'utf8');
  const at = page.indexOf(`<!-- example: ${marker} -->`);
  if (at < 0) throw new Error(`docs/programs/${program}.md has no example '${marker}'`);
  const open = page.indexOf('```json\n', at);
  const close = page.indexOf('\n```', open + 8);
  if (open < 0 || close < 0) throw new Error(`the example '${marker}' of ${program}.md has no JSON block`);
  return JSON.parse(page.slice(open + 8, close));
}
