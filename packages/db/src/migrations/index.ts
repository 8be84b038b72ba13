import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-fiscal-years-and-programs.ts';
import * as m0002 from './0002-rulebooks-entities-submissions-audit.ts';
import * as m0005 from './0005-runs.ts';
import * as m0006 from './0006-submissions-bulk-load.ts';
import * as m0007 from './0007-submissions-append.ts';
import * as m0008 from './0008-submission-receipt.ts';
import * as m0009 from './0009-submission-listing.ts';
import * as m0011 from './0011-key-scopes.ts';
import * as m0012 from './0012-idempotency-owner.ts';
import * as m0013 from './0013-payment-cycles.ts';
import * as m0014 from './0014-run-resumes.ts';
import * as m0015 from './0015-review-and-correction.ts';
import * as m0016 from './0016-rulebook-publish-note.ts';

/** Migrations are listed in code (not read from a folder) so bundlers and tsx load them alike. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-fiscal-years-and-programs': m0001,
  '0002-rulebooks-entities-submissions-audit': m0002,
  '0005-runs': m0005,
  '0006-submissions-bulk-load': m0006,
  '0007-submissions-append': m0007,
  '0008-submission-receipt': m0008,
  '0009-submission-listing': m0009,
  '0011-key-scopes': m0011,
  '0012-idempotency-owner': m0012,
  '0013-payment-cycles': m0013,
  '0014-run-resumes': m0014,
  '0015-review-and-correction': m0015,
  '0016-rulebook-publish-note': m0016,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return MIGRATIONS;
  },
};
