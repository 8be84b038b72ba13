import { type Problem, problems, type RowError } from '../http/problem.ts';

/** The row errors of a bulk request, kept up to a cap (the rest are counted, not listed). */
export class RowErrors {
  readonly list: RowError[] = [];
  private more = 0;

  constructor(private readonly cap = 1000) {}

  push(error: RowError): void {
    if (this.list.length < this.cap) this.list.push(error);
    else this.more++;
  }

  get count(): number {
    return this.list.length + this.more;
  }

  /** 422 listing the errors; nothing of the request was stored. */
  toProblem(): Problem {
    const shown =
      this.more > 0 ? `; the first ${this.list.length} are listed, ${this.more} more are not` : '';
    const rows = new Set(this.list.map((e) => e.row)).size;
    return problems.unprocessable(
      `The request has ${this.count} error(s)${this.more > 0 ? '' : ` in ${rows} row(s)`}${shown}. Nothing was stored.`,
      this.list,
    );
  }
}
