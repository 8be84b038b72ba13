export * from './composite-score.ts';
export * from './score-measure.ts';
export * from './scoring-spec.ts';
