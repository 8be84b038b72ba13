import { contentHash } from '@quip/core';
import { type Database, saveRulebookRevision } from '@quip/db';
import type { Kysely } from 'kysely';

/**
 * Small rulebooks for the payee, submission and preview tests, published straight through the
 * repository. EPT: 920 members is class D at $305.00 -> $280,600.00 potential, / 25 milestones
 * = $11,224.00 each (the source's worked example).
 */
export const EPT_RULEBOOK = {
  schemaVersion: 1,
  program: 'dhcs-ept',
  fiscalYear: '2026-27',
  name: 'EPT (test)',
  payee: {
    kind: 'practice',
    fields: {
      assignedMembers: { type: 'number', required: true, min: 0 },
      milestoneCount: { type: 'number', required: true, enum: [23, 25] },
      counties: { type: 'list' },
      federallyQualified: { type: 'boolean' },
    },
  },
  measures: [
    {
      key: 'ept-milestone',
      name: 'EPT milestones',
      domain: 'practice-transformation',
      kind: 'milestone',
      fields: {
        milestone: { type: 'number', required: true, min: 1, max: 25 },
        completedOn: { type: 'date', required: true },
      },
      compute: { kind: 'milestone' },
    },
  ],
  payment: {
    method: 'class-table-milestones',
    classes: [
      { class: 'A', membersFrom: 1, membersTo: 500, pmpy: '400.00' },
      { class: 'D', membersFrom: 501, membersTo: 1000, pmpy: '305.00' },
    ],
    milestoneCounts: [23, 25],
  },
};

/** DDS QIP with person-level screenings (recordKey personId) and a provider directory. */
export const QIP_RULEBOOK = {
  schemaVersion: 1,
  program: 'dds-qip',
  fiscalYear: '2026-27',
  name: 'DDS QIP (test)',
  payee: {
    kind: 'provider-service-code',
    fields: {
      serviceCode: { type: 'string', required: true },
      rateCents: { type: 'number', required: true },
      units: { type: 'number', required: true },
    },
  },
  measures: [
    {
      key: 'provider-directory',
      name: 'Provider directory',
      domain: 'provider-directory',
      kind: 'reporting',
      fields: {
        zipCodes: { type: 'list', required: true },
        agencyType: { type: 'string', required: true, enum: ['agency', 'independent'] },
        acceptsReferrals: { type: 'boolean', required: true },
      },
      compute: { kind: 'reporting', timely: { dueDate: '2026-10-31' } },
    },
    {
      key: 'colorectal-screening',
      name: 'Colorectal screening',
      domain: 'prevention-wellness',
      kind: 'performance',
      fields: {
        personId: { type: 'string', required: true },
        age: { type: 'number', required: true, min: 0 },
        dueDate: { type: 'date', required: true },
        screenedOn: { type: 'date' },
        missedReason: { type: 'string' },
      },
      recordKey: ['personId'],
      compute: {
        kind: 'rate-records',
        denominator: 'age >= 45 and age <= 75',
        numerator: 'screenedOn <= dueDate',
      },
      target: { kind: 'absolute', value: 0.5 },
    },
  ],
  payment: { method: 'rate-incentive', incentiveShare: '0.1', earning: 'all-met' },
};

export async function publishRulebook(
  db: Kysely<Database>,
  rulebook: { program: string; fiscalYear: string },
) {
  await saveRulebookRevision(db, {
    fiscalYear: rulebook.fiscalYear,
    programId: rulebook.program,
    content: rulebook,
    contentHash: contentHash(rulebook),
    source: 'admin',
    createdBy: null,
    publish: true,
  });
}
