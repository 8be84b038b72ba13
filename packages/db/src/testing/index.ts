export { DATABASE_KINDS, openTestDatabase, testPostgresUrl } from './test-databases.ts';
