import type { RuleIssue } from '../errors.ts';

interface Row {
  class?: unknown;
  membersFrom?: unknown;
  membersTo?: unknown;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const name = (row: Row, i: number) => (typeof row.class === 'string' ? `class ${row.class}` : `row ${i + 1}`);

/**
 * A class table (class-table-milestones) must cover its member counts without holes: a member
 * count between two rows falls in no class, and the practice would get no payment at all. Each
 * gap is the error 'class-table-gap' on the later row ("members 851-899 fall in no class: class C
 * ends at 850 and class D starts at 900"). Overlaps and backwards rows are the schema's errors
 * (rows must ascend without overlap); rows that fail the schema are skipped here.
 * Works on the raw JSON of the rulebook's payment and of every additional payment part.
 */
export function checkClassTables(raw: Record<string, unknown>, issues: RuleIssue[]): void {
  checkOne(raw.payment, ['payment'], issues);
  if (Array.isArray(raw.additionalPayments)) {
    raw.additionalPayments.forEach((part: unknown, index) => {
      if (typeof part === 'object' && part !== null)
        checkOne((part as { params?: unknown }).params, ['additionalPayments', index, 'params'], issues);
    });
  }
}

function checkOne(params: unknown, path: (string | number)[], issues: RuleIssue[]): void {
  if (typeof params !== 'object' || params === null) return;
  const { method, classes } = params as { method?: unknown; classes?: unknown };
  if (method !== 'class-table-milestones' || !Array.isArray(classes)) return;
  classes.forEach((row: Row, i) => {
    const prev = classes[i - 1] as Row | undefined;
    if (!prev || !isInt(prev.membersTo) || !isInt(row.membersFrom)) return;
    if (row.membersFrom <= prev.membersTo + 1) return;
    const first = prev.membersTo + 1;
    const last = row.membersFrom - 1;
    issues.push({
      path: [...path, 'classes', i, 'membersFrom'],
      code: 'class-table-gap',
      message:
        `${first === last ? `${first} members fall` : `members ${first}-${last} fall`} in no class: ` +
        `${name(prev, i - 1)} ends at ${prev.membersTo} and ${name(row, i)} starts at ${row.membersFrom}`,
    });
  });
}
