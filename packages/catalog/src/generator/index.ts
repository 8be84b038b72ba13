// Deterministic data generator (demo size and California scale): payees and submissions in the
// shapes the API takes (/openapi.json, docs/programs/*.md), with CSV and NDJSON line writers.
export {
  csvCell,
  entityCsvLines,
  ndjsonLines,
  submissionCsvLines,
  submissionDataColumns,
} from './csv-lines.ts';
export { DDS_QIP_SHAPE } from './dds-qip.ts';
export { DHCS_EPT_SHAPE, EPT_CLASS_UPPER_BOUNDS } from './dhcs-ept.ts';
export { DHCS_MCAS_SHAPE } from './dhcs-mcas.ts';
export { DHCS_QWI_SHAPE } from './dhcs-qwi.ts';
export { DHCS_WPC_SHAPE } from './dhcs-wpc.ts';
export { GENERATED_PROGRAMS, generateProgramData } from './generate-program-data.ts';
export { MALFORMED_KINDS } from './malformed-rows.ts';
export { Prng } from './prng.ts';
export type {
  GeneratedProgramData,
  GeneratedRow,
  GeneratorOptions,
  GeneratorSize,
  MalformedKind,
  ProgramShape,
} from './program-generator.ts';
