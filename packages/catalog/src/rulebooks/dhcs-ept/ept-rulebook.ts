import type { RulebookInput } from '../rulebook-input.ts';
import { EPT_PMPY_CLASSES } from './ept-pmpy-classes.ts';

/** What differs between EPT fiscal years: the year and its first and last day. */
export interface EptYear {
  fiscalYear: string;
  firstDay: string;
  lastDay: string;
  description: string;
}

// 002_b5f0493840ffb60e.txt (002-08): the population health management domains the milestones
// fall in: access, empanelment, PHM-enabled data, care delivery (incl. behavioral health, social
// health and focus populations), value-based payment, key performance indicators.
const MILESTONE_DOMAINS = [
  'access',
  'empanelment',
  'phm-enabled-data',
  'care-delivery',
  'behavioral-health',
  'social-health',
  'focus-populations',
  'value-based-payment',
  'key-performance-indicators',
];

/**
 * DHCS Equity and Practice Transformation directed payments for one fiscal year. Payee fields and
 * the `ept-milestone` measure are exactly docs/programs/dhcs-ept.md's; the application rubric is a
 * second measure (results show who the rubric selects) and, once core allows several payment
 * parts, a `rubric-selection` part.
 */
export function eptRulebook(year: EptYear): RulebookInput {
  return {
    schemaVersion: 1,
    program: 'dhcs-ept',
    name: 'DHCS Equity and Practice Transformation (EPT) directed payments',
    description: year.description,
    fiscalYear: year.fiscalYear,
    effectiveFrom: year.firstDay,
    payee: {
      kind: 'practice',
      fields: {
        name: { type: 'string', required: true, description: 'practice name' },
        assignedMembers: {
          type: 'number',
          required: true,
          // 002_b5f0493840ffb60e.txt (002-09, 002-17): assigned Medi-Cal members as of November 2024,
          // D-SNP members excluded. No min/max here on purpose: a count outside the class table
          // (0, or above 138,000) must reach the payment, which reports it for that practice only.
          description: 'Medi-Cal members assigned for primary care, November 2024 snapshot, D-SNP excluded',
        },
        milestoneCount: {
          type: 'number',
          required: true,
          // 002_b5f0493840ffb60e.txt (002-10): 23 or 25 milestones, depending on the milestones
          // that apply to the practice.
          enum: [23, 25],
          description: 'milestones that apply to the practice: 23 or 25',
        },
        // The application rubric's inputs, read by the rubric-selection part. Optional: practices
        // selected before Quip held their application need not carry them.
        planScore: {
          type: 'number',
          // 002_b5f0493840ffb60e.txt (002-07): the plan scores each application out of 90 points.
          min: 0,
          max: 90,
          description: "the plan's rubric score of the practice's application, 0..90",
        },
        childrenYouthFocus: { type: 'boolean', description: 'rubric bonus: serves children and youth' },
        pregnantIndividualsFocus: {
          type: 'boolean',
          description: 'rubric bonus: serves pregnant individuals',
        },
        tribalPractice: { type: 'boolean', description: 'rubric bonus: tribal practice' },
      },
    },
    measures: [
      {
        key: 'ept-milestone',
        name: 'Milestones completed',
        domain: 'population-health-management',
        kind: 'milestone',
        description:
          'One submission per completed milestone: {"milestone": n, "completedOn": "YYYY-MM-DD"}. ' +
          'Each milestone completed pays potential / milestoneCount (002-10).',
        fields: {
          milestone: {
            type: 'number',
            required: true,
            // 002_b5f0493840ffb60e.txt (002-10): at most 25 milestones; a number above the
            // practice's own count (24 for a 23-milestone practice) is an issue in the payment.
            min: 1,
            max: 25,
            rules: [{ check: 'milestone == floor(milestone)', message: 'a milestone is a whole number' }],
          },
          completedOn: {
            type: 'date',
            required: true,
            rules: [
              {
                check: `completedOn >= date('${year.firstDay}') and completedOn <= date('${year.lastDay}')`,
                message: `the completion date is outside fiscal year ${year.fiscalYear}`,
              },
            ],
          },
          domain: {
            type: 'string',
            enum: MILESTONE_DOMAINS,
            description: 'optional: the population health domain of the milestone (002-08)',
          },
        },
        recordKey: ['milestone'],
        // Completions after the fiscal year's last day belong to the next year's rulebook.
        compute: { kind: 'milestone', by: year.lastDay },
      },
      {
        key: 'ept-application-score',
        name: 'Application rubric score (selection)',
        domain: 'selection',
        kind: 'performance',
        description:
          'How the practice was selected: plan score out of 90 plus DHCS policy bonus points; selected at 77 or more. ' +
          'Weight 0: it never changes a milestone payment.',
        fields: {
          // 002_b5f0493840ffb60e.txt (002-07): scored by the plan with DHCS's rubric, 90 points in total.
          planScore: { type: 'number', required: true, min: 0, max: 90 },
          childrenYouthFocus: { type: 'boolean', required: true },
          pregnantIndividualsFocus: { type: 'boolean', required: true },
          tribalPractice: { type: 'boolean', required: true },
        },
        compute: {
          kind: 'value',
          // DEFAULT — review: the bonuses +12 children/youth, +20 pregnant individuals, +15 tribal
          // come from issue 4 (the EPT Cohort 1 selection methodology, cited by 002-07 but not
          // among the sources).
          formula:
            'planScore + if(childrenYouthFocus, 12, 0) + if(pregnantIndividualsFocus, 20, 0) + if(tribalPractice, 15, 0)',
          aggregate: 'latest',
        },
        // DEFAULT — review: the cut-off of 77 points comes from issue 4 (Cohort 1 methodology, not held).
        target: { kind: 'absolute', value: 77 },
        weight: 0,
      },
    ],
    payment: {
      method: 'class-table-milestones',
      // 002_b5f0493840ffb60e.txt (002-09, 002-15): potential = assigned members x the PMPY of the
      // member count's class; the 48 rows of data/ept-pmpy-classes.csv.
      classes: EPT_PMPY_CLASSES.map((r) => ({ ...r })),
      membersAttribute: 'assignedMembers',
      milestoneCountAttribute: 'milestoneCount',
      // 002_b5f0493840ffb60e.txt (002-10): potential / 23 or 25 milestones.
      milestoneCounts: [23, 25],
      // DEFAULT — review: half-up; every PMPY in the table is whole cents, so it only matters if an
      // administrator edits the table.
      rounding: 'half-up',
    },
    cycles: {
      // 002_b5f0493840ffb60e.txt (002-10, 002-16): each milestone is paid once; a milestone paid in
      // one fiscal year is not paid again in another.
      lifetimeKeys: ['milestone:*'],
      // 002_b5f0493840ffb60e.txt (002-05): $97 million over 3 years for the provider directed
      // payments: the most every payment cycle of the program together may pay.
      budgetCents: { lifetime: 9_700_000_000 },
      // DEFAULT — review: an overpaid milestone is a recovery line of its own.
      recoveries: 'line',
    },
    additionalPayments: [
      {
        key: 'rubric',
        name: 'Application rubric selection',
        description:
          "Ranks practices whose payee record holds the plan's rubric score: selected at 77 points or more.",
        // Practices selected before Quip held their application carry no score: not ranked, no issue.
        appliesTo: 'present(planScore)',
        params: {
          method: 'rubric-selection',
          pointsAttribute: 'planScore',
          // 002_b5f0493840ffb60e.txt (002-07): the plan scores the application out of 90 points.
          maxBasePoints: 90,
          // DEFAULT — review: +12 children/youth, +20 pregnant individuals, +15 tribal, and the
          // cut-off of 77, from issue 4 (EPT Cohort 1 selection methodology, cited by 002-07, not held).
          bonuses: [
            { attribute: 'childrenYouthFocus', points: 12, label: 'children and youth' },
            { attribute: 'pregnantIndividualsFocus', points: 20, label: 'pregnant individuals' },
            { attribute: 'tribalPractice', points: 15, label: 'tribal practice' },
          ],
          cutoff: 77,
          // Selection only: the money is the milestone payments.
          award: '0',
        },
      },
    ],
  };
}
