import { groupSubmissions, type SubmissionGroups } from '../evaluate/group-submissions.ts';
import type { RecordIssue } from '../measures/record-checker.ts';
import { type RecordReader, recordReader, type SubmissionInput } from '../measures/record-reader.ts';
import type { CompiledRulebook } from '../rulebook/compile-rulebook.ts';

/** The records of one measure received on one day, as the scorecard lists them. */
export interface ReceivedBatch {
  /** The day they were received (submittedOn; an undated record counts as received on the evaluation date). */
  receivedOn: string;
  /** Current records received that day (a record sent again later counts on its latest day only). */
  records: number;
  /** Received by the due date; null when the measure has no due date. */
  onTime: boolean | null;
  /** Findings on these records (incomplete or inaccurate), in plain words, never quoting data. */
  findings: string[];
}

/**
 * One payee's current records per dataset, grouped exactly as a run groups them (core's
 * groupSubmissions: resubmissions resolved, records after the evaluation date and unreadable ones
 * left out, each record checked once by its dataset's check).
 */
export class ReceivedRecords {
  private readonly reader: RecordReader;
  private readonly groups: SubmissionGroups;

  constructor(
    private readonly compiled: CompiledRulebook,
    entityId: string,
    submissions: SubmissionInput,
    private readonly asOf: string,
  ) {
    this.reader = recordReader(submissions);
    this.groups = groupSubmissions(compiled, this.reader, new Map([[entityId, 0]]), 1, asOf);
  }

  /** Measure m's records (its own or its dataFrom's), by day received, oldest first. */
  batches(m: number, dueDate: string | null): ReceivedBatch[] {
    const d = this.compiled.measureDataset[m] as number;
    const { order, start, end, standing } = this.groups;
    const checker = this.compiled.datasets[d]?.checker;
    const byDay = new Map<string, ReceivedBatch>();
    const s = start[d] as number;
    for (let k = s; k < (end[d] as number); k++) {
      const i = order[k] as number;
      const day = this.reader.submittedOn(i) ?? this.asOf;
      let batch = byDay.get(day);
      if (!batch) {
        batch = {
          receivedOn: day,
          records: 0,
          onTime: dueDate === null ? null : day <= dueDate,
          findings: [],
        };
        byDay.set(day, batch);
      }
      batch.records++;
      if ((standing[i] as number) !== 0 && checker) {
        const issues: RecordIssue[] = [];
        checker.check(this.reader, i, issues);
        for (const issue of issues) {
          if (issue.severity === 'finding') batch.findings.push(issue.message);
        }
      }
    }
    return [...byDay.values()].sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : 1));
  }
}
