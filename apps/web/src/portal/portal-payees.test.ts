import { describe, expect, it } from 'vitest';
import { portalPrograms } from './portal-payees.ts';

describe('portalPrograms', () => {
  it("groups a key's payees by program in each year, a year-bound entry in its year only", () => {
    const scope = [
      'dds-qip:PV1234-950',
      'dds-qip/2026-27:TR9012-875',
      'dhcs-wpc:WPC-1',
      'dds-qip:PV1234-950',
    ];
    expect(portalPrograms(scope, ['2027-28', '2026-27'])).toEqual([
      { fiscalYear: '2027-28', program: 'dds-qip', entityIds: ['PV1234-950'] },
      { fiscalYear: '2027-28', program: 'dhcs-wpc', entityIds: ['WPC-1'] },
      { fiscalYear: '2026-27', program: 'dds-qip', entityIds: ['PV1234-950', 'TR9012-875'] },
      { fiscalYear: '2026-27', program: 'dhcs-wpc', entityIds: ['WPC-1'] },
    ]);
  });

  it('keeps an id with a colon whole and skips an entry without one', () => {
    expect(portalPrograms(['p:A:1', 'nonsense'], ['2026-27'])).toEqual([
      { fiscalYear: '2026-27', program: 'p', entityIds: ['A:1'] },
    ]);
  });
});
