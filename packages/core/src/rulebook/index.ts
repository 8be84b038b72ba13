export * from './canonical-json.ts';
export * from './compile-rulebook.ts';
export * from './compute-spec-schema.ts';
export * from './content-hash.ts';
export * from './field-spec-schema.ts';
export * from './iso-date.ts';
export * from './measure-spec-schema.ts';
export * from './payment-part-schema.ts';
export * from './rulebook-json-schema.ts';
export * from './rulebook-schema.ts';
export {
  type RulebookYearShift,
  type ShiftedValue,
  shiftRulebookYear,
  UNSHIFTED_REASONS,
  type UnshiftedReason,
  type UnshiftedValue,
} from './shift-rulebook-year.ts';
export * from './stratum-spec-schema.ts';
export * from './validate-rulebook.ts';
