/**
 * Loads the generated DDS QIP data set through the API, as payees send it: payees in one upload,
 * submissions in uploads that each carry a record once (an interim snapshot and the final report
 * that replaces it go in successive uploads). The generator is streamed once per upload, never held
 * in memory; a record is told by a 53-bit hash of its key (payee, measure, period, record fields),
 * where a collision would only move a row to a later upload.
 */
import { generateProgramData } from '../../packages/catalog/src/generator/index.ts';
import { catalogRulebook } from '../../packages/catalog/src/index.ts';
import { compileRulebook, type Submission } from '../../packages/core/src/index.ts';
import type { QuipClient } from './quip-client.ts';

const FY = '2026-27';
const PROGRAM = 'dds-qip';
const PART = 500_000;

function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export interface LoadedData {
  payees: number;
  submissions: number;
  uploads: number;
}

/**
 * `today`: on or before the day the API receives the data; a generated submittedOn after it (the generator dates
 * reports through the whole fiscal year) is left out, so the report counts as received today.
 */
export async function loadProgramData(client: QuipClient, scale: number, today: string): Promise<LoadedData> {
  const data = generateProgramData(PROGRAM, { seed: 42, size: 'california', scale, fiscalYear: FY });
  const compiled = compileRulebook(catalogRulebook(FY, PROGRAM));
  const recordKeys = new Map(compiled.measures.map((m) => [m.key, m.recordKey]));
  const keyOf = (s: Submission) => {
    const fields = (recordKeys.get(s.measure) ?? []).map(
      (f) => (s.data as Record<string, unknown>)[f] ?? null,
    );
    return hash53(JSON.stringify([s.entityId, s.measure, s.period, fields]));
  };
  const receivable = (s: Submission): Submission => {
    if (s.submittedOn == null || s.submittedOn <= today) return s;
    const { submittedOn: _later, ...rest } = s;
    return rest;
  };

  await client.upload('entities', data.entities);
  let submissions = 0;
  let uploads = 0;
  // Upload n holds each record's n-th version (split in parts of at most PART rows, the size of a
  // large upload); one more pass while any record has that many.
  for (let level = 0; ; level++) {
    const seen = new Map<number, number>();
    let more = false;
    const rows = (function* () {
      for (const s of data.submissions()) {
        const key = keyOf(s);
        const n = seen.get(key) ?? 0;
        seen.set(key, n + 1);
        if (n === level) yield receivable(s);
        else if (n > level) more = true;
      }
    })();
    let next = rows.next();
    while (!next.done) {
      const part = function* () {
        for (let i = 0; i < PART && !next.done; i++, next = rows.next()) yield next.value;
      };
      const answer = await client.upload('submissions', part());
      submissions += Number(answer.rows);
      uploads += 1;
    }
    if (!more) break;
  }
  return { payees: data.entities.length, submissions, uploads };
}
