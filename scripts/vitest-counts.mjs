// Reads Vitest's JSON report and prints "passed failed"; a run that failed without failing a test
// (a file that does not load, a crashed worker) counts as one failure, never as green.
import { existsSync, readFileSync } from 'node:fs';

const [file, status] = process.argv.slice(2);
let passed = 0;
let failed = 0;
if (existsSync(file)) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests;
  const brokenFiles = report.testResults.filter(
    (r) => r.status === 'failed' && r.assertionResults.length === 0,
  );
  failed += brokenFiles.length;
  // Skipped or todo tests are not allowed to hide in a green run.
  failed += report.numPendingTests + report.numTodoTests;
}
if (Number(status) !== 0 && failed === 0) failed = 1;
if (passed === 0 && failed === 0) failed = 1;
process.stdout.write(`${passed} ${failed}\n`);
