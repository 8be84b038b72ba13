import type { Entity } from '@quip/core';
import { describe, expect, it } from 'vitest';
import { docExample } from '../rulebooks/doc-example.ts';
import {
  csvCell,
  entityCsvLines,
  ndjsonLines,
  submissionCsvLines,
  submissionDataColumns,
} from './csv-lines.ts';
import { DDS_QIP_SHAPE } from './dds-qip.ts';
import { DHCS_EPT_SHAPE } from './dhcs-ept.ts';
import { DHCS_WPC_SHAPE } from './dhcs-wpc.ts';

// The payees are the JSON examples of docs/programs/*.md, read from the pages; the CSV expected and
// the submissions are copied from the same pages: the writers must turn the one into the other.
describe('CSV lines', () => {
  it('writes cells as docs/programs/README.md says: lists with ;, empty for absent, quotes when needed', () => {
    expect(csvCell(['94107', '94110'])).toBe('94107;94110');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell('096')).toBe('096');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  });

  it('writes the EPT entity example of the docs', () => {
    const entities = docExample('dhcs-ept', 'payees dhcs-ept 2026-27') as Entity[];
    expect([...entityCsvLines(entities, DHCS_EPT_SHAPE.entityFields)].join('')).toBe(
      'id,name,assignedMembers,milestoneCount,planScore,childrenYouthFocus,pregnantIndividualsFocus,tribalPractice\n' +
        'ept-0001,Mission Family Health,920,25,70,true,false,false\n' +
        'ept-0002,Delta Pediatrics,1234,23,,,,\n' +
        'ept-0003,Harbor OB/GYN,501,25,,,,\n',
    );
  });

  it('writes the WPC entity example of the docs (lists and absent fields)', () => {
    // The last two payees: the docs write the first two's baselines as 180.0 and 0.50, a number as
    // JSON reads it is 180 and 0.5.
    const entities = (docExample('dhcs-wpc', 'payees dhcs-wpc 2026-27') as Entity[]).slice(2);
    const lines = [...entityCsvLines(entities, DHCS_WPC_SHAPE.entityFields)];
    expect(lines[0]).toBe(
      'id,name,leadEntityType,counties,enrolledMembers,providesHousingServices,housingEnrollees,baselineEdVisitsPer1000,baselineInpatientStaysPer1000,baselineMentalIllnessFollowUp,baselineCarePlan30Days,baselinePermanentHousing\n',
    );
    expect(lines.slice(1)).toEqual([
      'wpc-sacramento,City of Sacramento,city,Sacramento,600,true,1500,,,,,\n',
      'wpc-north-coast,North Coast Health Consortium,consortium,Humboldt;Del Norte,300,false,,,,,,\n',
    ]);
  });

  it('writes the DDS screening example of the docs with the measure columns', () => {
    const submissions = [
      {
        entityId: 'HR5678-915',
        measure: 'qip-preventive-screenings',
        period: '2026-27',
        submittedOn: '2027-07-20',
        data: {
          personId: 'R-017',
          screening: 'colorectal-screening',
          age: 52,
          screenedOn: '2026-11-03',
          testType: 'fobt',
          primaryLanguage: 'en',
        },
      },
      {
        entityId: 'HR5678-915',
        measure: 'qip-preventive-screenings',
        period: '2026-27',
        submittedOn: '2027-07-20',
        data: {
          personId: 'R-018',
          screening: 'dental-exam',
          age: 34,
          missedReason: 'declined',
          primaryLanguage: 'es',
        },
      },
    ];
    const columns = submissionDataColumns(DDS_QIP_SHAPE, ['qip-preventive-screenings']);
    expect([...submissionCsvLines(submissions, columns)]).toEqual([
      'entityId,measure,period,submittedOn,data.personId,data.screening,data.age,data.screenedOn,data.testType,data.missedReason,data.primaryLanguage\n',
      'HR5678-915,qip-preventive-screenings,2026-27,2027-07-20,R-017,colorectal-screening,52,2026-11-03,fobt,,en\n',
      'HR5678-915,qip-preventive-screenings,2026-27,2027-07-20,R-018,dental-exam,34,,,declined,es\n',
    ]);
  });

  it('leaves submittedOn empty when a submission has none (EPT application score)', () => {
    const columns = submissionDataColumns(DHCS_EPT_SHAPE, ['ept-application-score']);
    const lines = [
      ...submissionCsvLines(
        [
          {
            entityId: 'ept-0001',
            measure: 'ept-application-score',
            period: '2026-27',
            data: {
              planScore: 70,
              childrenYouthFocus: true,
              pregnantIndividualsFocus: false,
              tribalPractice: false,
            },
          },
        ],
        columns,
      ),
    ];
    expect(lines).toEqual([
      'entityId,measure,period,submittedOn,data.planScore,data.childrenYouthFocus,data.pregnantIndividualsFocus,data.tribalPractice\n',
      'ept-0001,ept-application-score,2026-27,,70,true,false,false\n',
    ]);
  });

  it('puts every measure of a program in one column set, each field once', () => {
    const columns = submissionDataColumns(DHCS_EPT_SHAPE);
    expect(columns).toEqual([
      'milestone',
      'completedOn',
      'planScore',
      'childrenYouthFocus',
      'pregnantIndividualsFocus',
      'tribalPractice',
    ]);
  });

  it('writes NDJSON one object a line', () => {
    expect([...ndjsonLines([{ a: 1 }, { b: [2] }])].join('')).toBe('{"a":1}\n{"b":[2]}\n');
  });
});
