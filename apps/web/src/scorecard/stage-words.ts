/** What a scorecard's `run.stage` means to the payee reading it. */
export function stageWords(stage: string): string {
  switch (stage) {
    case 'preliminary':
      return 'Preliminary results: open for review';
    case 'final':
      return 'Final results';
    case 'standing':
      return 'Standing now: computed from the data received so far, not a result';
    case 'draft':
      return 'Draft: not published to the payee';
    default:
      return stage;
  }
}
