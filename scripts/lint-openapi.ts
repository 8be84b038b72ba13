// `pnpm lint:openapi`: lints the API's OpenAPI description with Redocly's recommended rules; any
// error or warning fails. The document is built in this process from the app itself (no server, no
// database: openapi-document.ts), written to .tmp/openapi.json, and linted offline: Redocly's
// telemetry and update check are off, so it makes no network request.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from '../apps/api/src/openapi-document.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const file = join(root, '.tmp', 'openapi.json');
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, `${JSON.stringify(await openApiDocument(), null, 2)}\n`);

const lint = spawnSync(
  join(root, 'node_modules', '.bin', 'redocly'),
  ['lint', '--extends=recommended', '--format=json', '--max-problems=1000', file],
  {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  },
);

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
}
let report: LintReport;
try {
  report = JSON.parse(lint.stdout) as LintReport;
} catch {
  process.stderr.write(lint.stderr);
  console.error(`redocly lint did not answer a report (exit ${lint.status})`);
  process.exit(1);
}
for (const problem of report.problems) {
  console.error(
    `${problem.severity} ${problem.ruleId}: ${problem.message} (${problem.location[0]?.pointer})`,
  );
}
const { errors, warnings } = report.totals;
console.log(`${file}: ${errors} errors, ${warnings} warnings (redocly lint, recommended rules)`);
process.exit(errors + warnings === 0 ? 0 : 1);
