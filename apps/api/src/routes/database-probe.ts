/**
 * Whether the database answers, without making a health check wait behind the database's work.
 * On the embedded database (one connection) a probe waits for the statement or transaction in
 * progress, seconds during a large upload or a run: a health check that awaited it would call a
 * busy Quip unhealthy. So a check answers from the last probe that ended and starts the next one
 * in the background (at most one at a time, at most one a `refreshMs`).
 *
 * - the last probe failed: the database does not answer (503);
 * - a probe has waited longer than `stalledMs`: the database does not answer in time (503);
 * - else the database answered recently (ok), even if the current probe still waits its turn.
 * Only the very first check, before any probe has ended, waits for one.
 */
export class DatabaseProbe {
  private last: { ok: boolean; at: number } | null = null;
  private running: { promise: Promise<void>; since: number } | null = null;

  constructor(
    private readonly ping: () => Promise<void>,
    private readonly options: { refreshMs: number; stalledMs: number } = {
      refreshMs: 1_000,
      stalledMs: 30_000,
    },
    private readonly now: () => number = Date.now,
  ) {}

  async healthy(): Promise<boolean> {
    const now = this.now();
    if (this.running === null && (this.last === null || now - this.last.at >= this.options.refreshMs)) {
      this.start(now);
    }
    if (this.last === null) await this.running?.promise;
    if (this.running !== null && now - this.running.since > this.options.stalledMs) return false;
    return this.last?.ok ?? false;
  }

  private start(since: number): void {
    const promise = this.ping().then(
      () => this.finish(true),
      () => this.finish(false),
    );
    this.running = { promise, since };
  }

  private finish(ok: boolean): void {
    this.last = { ok, at: this.now() };
    this.running = null;
  }
}
