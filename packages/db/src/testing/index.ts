export {
  createScratchPostgresDatabase,
  DATABASE_KINDS,
  openTestDatabase,
  testPostgresUrl,
} from './test-databases.ts';
