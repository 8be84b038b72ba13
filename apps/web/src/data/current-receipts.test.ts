import { describe, expect, it } from 'vitest';
import type { StoredSubmission } from '../api/resources.ts';
import { currentReceipts, receiptKey } from './current-receipts.ts';

const measures = [
  { key: 'directory', dataKey: 'directory', period: '2026-27', recordKey: [] },
  { key: 'screening', dataKey: 'screening', period: '2026-27', recordKey: ['personId'] },
  // Reads the screening records (dataFrom): shows their receipt too.
  { key: 'screening-share', dataKey: 'screening', period: '2026-27', recordKey: ['personId'] },
];

let id = 0;
function version(
  entityId: string,
  measure: string,
  receivedAt: string,
  more: Partial<StoredSubmission> = {},
): StoredSubmission {
  id++;
  return {
    id,
    batchId: id,
    entityId,
    measure,
    period: '2026-27',
    submittedOn: receivedAt.slice(0, 10),
    receivedAt,
    declaredOn: null,
    keyName: 'uploads',
    data: {},
    findings: [],
    ...more,
  };
}

describe('currentReceipts', () => {
  it('shows the receipt of the latest version of a record without a key', () => {
    const receipts = currentReceipts(measures, [
      version('A', 'directory', '2026-09-01T17:00:00.000Z'),
      version('A', 'directory', '2026-09-20T17:00:00.000Z'),
      version('B', 'directory', '2026-09-02T17:00:00.000Z'),
    ]);
    expect(receipts.get(receiptKey('A', 'directory'))).toEqual({
      receivedAt: '2026-09-20T17:00:00.000Z',
      declaredOn: null,
      records: 1,
    });
    expect(receipts.get(receiptKey('B', 'directory'))?.records).toBe(1);
    expect(receipts.has(receiptKey('C', 'directory'))).toBe(false);
  });

  it('keeps a declared historic record that core keeps, and shows its declared day', () => {
    // Loaded later by an admin but declared as submitted on 2026-09-15: the later receipt is the
    // current record only when its submittedOn is not earlier, as in a run.
    const historic = version('A', 'directory', '2026-12-06T18:00:00.000Z', {
      submittedOn: '2026-09-15',
      declaredOn: '2026-09-15',
    });
    const receipts = currentReceipts(measures, [
      version('A', 'directory', '2026-09-10T17:00:00.000Z'),
      historic,
    ]);
    expect(receipts.get(receiptKey('A', 'directory'))).toEqual({
      receivedAt: '2026-12-06T18:00:00.000Z',
      declaredOn: '2026-09-15',
      records: 1,
    });
    const older = currentReceipts(measures, [
      version('A', 'directory', '2026-09-20T17:00:00.000Z'),
      historic,
    ]);
    // Submitted on 2026-09-20 beats a declared 2026-09-15, as core resolves it.
    expect(older.get(receiptKey('A', 'directory'))?.declaredOn).toBeNull();
  });

  it('counts one current record per record key, with the latest receipt, for every reader', () => {
    const receipts = currentReceipts(measures, [
      version('A', 'screening', '2026-09-01T17:00:00.000Z', { data: { personId: 'p1' } }),
      version('A', 'screening', '2026-09-03T17:00:00.000Z', { data: { personId: 'p2' } }),
      version('A', 'screening', '2026-09-02T17:00:00.000Z', { data: { personId: 'p1' } }),
      version('A', 'other-measure', '2026-09-09T17:00:00.000Z'),
      version('A', 'screening', '2026-09-09T17:00:00.000Z', { period: '2025-26', data: { personId: 'p3' } }),
    ]);
    for (const m of ['screening', 'screening-share']) {
      expect(receipts.get(receiptKey('A', m))).toEqual({
        receivedAt: '2026-09-03T17:00:00.000Z',
        declaredOn: null,
        records: 2,
      });
    }
  });
});
