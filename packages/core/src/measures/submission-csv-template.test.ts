import { rulebookFixture } from '@quip/fixtures';
import { describe, expect, it } from 'vitest';
import { compileRulebook } from '../rulebook/compile-rulebook.ts';
import { submissionCsvTemplate } from './submission-csv-template.ts';

const compiled = compileRulebook(rulebookFixture('directory-and-screening-at-least-half-earn-10-percent'));
const example = { entityId: 'HR-000001-096', day: '2026-10-01' };

describe('submissionCsvTemplate', () => {
  it("writes the upload's columns and one example row from the measure's field schema", () => {
    // colorectal-screening: personId (string), age (number, min 0), dueDate and screenedOn (dates,
    // no bounds: the example day), missedReason (string); the period is the fiscal year's.
    expect(submissionCsvTemplate(compiled, 'colorectal-screening', example)).toEqual({
      fileName: 'dds-qip-colorectal-screening-template.csv',
      columns: [
        'entityId',
        'measure',
        'period',
        'data.personId',
        'data.age',
        'data.dueDate',
        'data.screenedOn',
        'data.missedReason',
      ],
      csv:
        'entityId,measure,period,data.personId,data.age,data.dueDate,data.screenedOn,data.missedReason\r\n' +
        'HR-000001-096,colorectal-screening,2026-27,text,0,2026-10-01,2026-10-01,text\r\n',
    });
  });

  it('takes an allowed value for an enum, true for a boolean and two items for a list', () => {
    // provider-directory: zipCodes (list), agencyType (enum agency | independent), acceptsReferrals.
    expect(submissionCsvTemplate(compiled, 'provider-directory', example)?.csv).toBe(
      'entityId,measure,period,data.zipCodes,data.agencyType,data.acceptsReferrals\r\n' +
        'HR-000001-096,provider-directory,2026-27,first;second,agency,true\r\n',
    );
  });

  it('has no template for a measure that takes no submissions', () => {
    expect(submissionCsvTemplate(compiled, 'no-such-measure', example)).toBeNull();
  });
});
