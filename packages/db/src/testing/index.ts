export { publishRulebook } from './publish-rulebook.ts';
export { insertCyclesProgram, insertSyntheticRun, type SyntheticRun } from './synthetic-run.ts';
export {
  createScratchPostgresDatabase,
  DATABASE_KINDS,
  openTestDatabase,
  testPostgresUrl,
} from './test-databases.ts';
