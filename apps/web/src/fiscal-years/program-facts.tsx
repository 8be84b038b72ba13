import type { ReactNode } from 'react';
import type { Program } from '../api/resources.ts';
import { PublishedRulebook } from './published-rulebook.tsx';

/** What both program views (cards, table) show of a program after its name, in order. */
export const PROGRAM_FACTS: readonly { heading: string; value: (program: Program) => ReactNode }[] = [
  { heading: 'Agency', value: (program) => program.agency },
  { heading: 'Payees', value: (program) => program.payeeKind },
  {
    heading: 'Published rulebook',
    value: (program) => <PublishedRulebook version={program.rulebookVersion} />,
  },
];
