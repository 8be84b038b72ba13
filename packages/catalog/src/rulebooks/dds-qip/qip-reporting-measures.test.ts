import { compileRulebook, evaluateProgram } from '@quip/core';
import { describe, expect, it } from 'vitest';
import { ddsQip202627 } from './2026-27.ts';

const compiled = compileRulebook(ddsQip202627);
const payee = {
  id: 'PV1234-950',
  name: 'Bayview Supported Employment',
  vendorNumber: 'PV1234',
  serviceCode: '950',
  regionalCenter: 'GGRC',
  rateCents: 5000,
  units: 1,
};
/** The directory record of docs/programs/dds-qip.md §6, received 2026-09-12: accurate as it stands. */
const directory = {
  businessName: 'Bayview Supported Employment',
  phone: '4155550142',
  email: 'info@bayview.example',
  zipCodesServed: ['94107', '94110', '94124'],
  languages: ['en', 'es', 'zh'],
  providerType: 'agency',
  acceptingReferrals: true,
  verifiedOn: '2026-09-10',
};
const survey = { surveyConfirmationId: 'DSP-2027-004211', completedOn: '2027-02-19', dspCount: 14 };

/** The accuracy part of one record's reporting measure, and the problems it names. */
function judge(measure: string, submittedOn: string, data: Record<string, unknown>) {
  const { results } = evaluateProgram(compiled, {
    entities: [payee],
    submissions: [{ entityId: payee.id, measure, period: '2026-27', submittedOn, data }],
    asOf: '2027-08-31',
    explain: true,
  });
  const reporting = results.find((r) => r.measure === measure)?.reporting;
  return { accurate: reporting?.accurate, problems: reporting?.problems ?? [] };
}
const judgeDirectory = (change: Record<string, unknown>) =>
  judge('qip-provider-directory', '2026-09-12', { ...directory, ...change });

describe('qip-provider-directory accuracy rules (findings: stored, flagged, scored inaccurate)', () => {
  it('finds the documented record accurate', () => {
    expect(judgeDirectory({})).toEqual({ accurate: true, problems: [] });
  });

  it('phone: exactly 10 digits, nothing else', () => {
    expect(judgeDirectory({ phone: '9165550100' }).accurate).toBe(true);
    const nine = judgeDirectory({ phone: '916555010' }); // 9 digits
    expect(nine.accurate).toBe(false);
    expect(nine.problems.join('\n')).toContain(
      'phone is 10 digits with no spaces or punctuation, e.g. 9165550100',
    );
    expect(judgeDirectory({ phone: '91655501000' }).accurate).toBe(false); // 11 digits
    expect(judgeDirectory({ phone: '(916) 555-0100' }).accurate).toBe(false); // punctuation
    expect(judgeDirectory({ phone: '916 555 0100' }).accurate).toBe(false);
  });

  it('email: one @, no spaces, a dot after the @', () => {
    expect(judgeDirectory({ email: 'intake@valley-transport.example.org' }).accurate).toBe(true);
    for (const email of [
      'info.bayview.example',
      'info@bayview',
      'info@@bayview.example',
      'in fo@bayview.example',
    ]) {
      const judged = judgeDirectory({ email });
      expect(judged.accurate).toBe(false);
      expect(judged.problems.join('\n')).toContain('email is one address like name@example.org');
    }
  });

  it('zipCodesServed: every item 5 digits', () => {
    expect(judgeDirectory({ zipCodesServed: ['95814'] }).accurate).toBe(true);
    const short = judgeDirectory({ zipCodesServed: ['94107', '9411'] });
    expect(short.accurate).toBe(false);
    expect(short.problems.join('\n')).toContain('every ZIP code in zipCodesServed is 5 digits');
    expect(judgeDirectory({ zipCodesServed: ['94107-1234'] }).accurate).toBe(false); // ZIP+4
    // A number item is not a 5-digit ZIP text (`it` reads it as null): 94110 without quotes fails.
    expect(judgeDirectory({ zipCodesServed: ['94107', 94110] }).accurate).toBe(false);
  });

  it('verifiedOn: not after the day the record was received (the same day is fine)', () => {
    // Received 2026-09-12: verified 09-12 passes, 09-13 is after it.
    expect(judgeDirectory({ verifiedOn: '2026-09-12' }).accurate).toBe(true);
    const later = judgeDirectory({ verifiedOn: '2026-09-13' });
    expect(later.accurate).toBe(false);
    expect(later.problems.join('\n')).toContain('verifiedOn is after the day the record was received');
  });
});

describe('qip-dsp-survey accuracy rules', () => {
  it('completedOn: not after the day the record was received', () => {
    // Received 2027-02-20: completed 02-19 and 02-20 pass, 02-21 is after it.
    expect(judge('qip-dsp-survey', '2027-02-20', survey).accurate).toBe(true);
    expect(judge('qip-dsp-survey', '2027-02-20', { ...survey, completedOn: '2027-02-20' }).accurate).toBe(
      true,
    );
    const later = judge('qip-dsp-survey', '2027-02-20', { ...survey, completedOn: '2027-02-21' });
    expect(later.accurate).toBe(false);
    expect(later.problems.join('\n')).toContain('completedOn is after the day the record was received');
  });
});
