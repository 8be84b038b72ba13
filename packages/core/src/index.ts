// Public surface of @quip/core. Each area owns its own index; this file only gathers them.
export * from './cycles/index.ts';
export * from './errors.ts';
export * from './evaluate/index.ts';
export * from './expressions/index.ts';
export * from './fiscal-year.ts';
export * from './measures/index.ts';
export * from './money/index.ts';
export * from './payment/index.ts';
export { isPlainName } from './plain-name.ts';
export * from './rulebook/index.ts';
export { buildScorecard, type ScorecardInput } from './scorecard/build-scorecard.ts';
export type { ScorecardPopulation } from './scorecard/counterfactual.ts';
export type {
  ReceivedBatch,
  Scorecard,
  ScorecardLine,
  ScorecardMeasure,
  ScorecardPayment,
  ScorecardRest,
  ScorecardStage,
} from './scorecard/scorecard.ts';
export * from './scoring/index.ts';
export * from './targets/index.ts';
export { DEFAULT_TIME_ZONE, dayIn, isTimeZone } from './time-zone.ts';
