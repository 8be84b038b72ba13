import type { Program } from '../api/resources.ts';

/** What both views of a year's programs take (cards on narrow screens, the table from `sm` up). */
export interface ProgramsViewProps {
  fiscalYear: string;
  programs: Program[];
  /** Shows or hides the view by screen width. */
  className?: string;
}
