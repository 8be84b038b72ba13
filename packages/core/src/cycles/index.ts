export { type CycleBudgetInput, type CycleBudgetOverrun, checkCycleBudget } from './cycle-budget.ts';
export {
  type CycleBalance,
  type CycleEntitlement,
  type CycleLine,
  type CycleLinesInput,
  type CycleLinesResult,
  type CycleStanding,
  type CycleTotals,
  computeCycleLines,
  cycleTotals,
} from './cycle-lines.ts';
export {
  type CyclesConfig,
  type CyclesInput,
  CyclesSchema,
  DEFAULT_CYCLES,
  isLifetimeKey,
} from './cycles-schema.ts';
