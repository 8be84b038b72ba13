export interface ProbeOptions {
  /** A new probe at most this often. */
  refreshMs: number;
  /** How long a probe may wait, with no statement finished meanwhile, before the database counts as stuck. */
  stalledMs: number;
  /** When the database last finished a statement (embedded database: `lastStatementEndedAt` of @quip/db). */
  lastStatementEndedAt?: (() => number) | undefined;
}

export const PROBE_DEFAULTS: ProbeOptions = { refreshMs: 1_000, stalledMs: 30_000 };

/**
 * Whether the database answers, without making a health check wait behind the database's work.
 * On the embedded database (one connection) a probe waits for the statement or transaction in
 * progress, seconds during a large upload or a run: a health check that awaited it would call a
 * busy Quip unhealthy. So a check answers from the last probe that ended and starts the next one
 * in the background (at most one at a time, at most one a `refreshMs`).
 *
 * - the last probe failed: the database does not answer (503);
 * - a probe has waited longer than `stalledMs` and the database has finished no statement for as
 *   long (`lastStatementEndedAt`, the embedded database): it is stuck, one statement running that
 *   long or a connection held without work (503). Without that signal (PostgreSQL, whose pool
 *   serves a probe beside other work), a probe waiting longer than `stalledMs` is enough;
 * - else the database answered recently or keeps finishing statements (ok): it is busy, e.g. with
 *   an upload's or a run's transaction, while the current probe waits its turn. Calling a busy
 *   database unhealthy would have an orchestrator restart Quip in the middle of that work.
 * Only the very first check, before any probe has ended, waits for one.
 */
export class DatabaseProbe {
  private last: { ok: boolean; at: number } | null = null;
  private running: { promise: Promise<void>; since: number } | null = null;

  constructor(
    private readonly ping: () => Promise<void>,
    private readonly options: ProbeOptions = PROBE_DEFAULTS,
    private readonly now: () => number = Date.now,
  ) {}

  async healthy(): Promise<boolean> {
    const now = this.now();
    if (this.running === null && (this.last === null || now - this.last.at >= this.options.refreshMs)) {
      this.start(now);
    }
    if (this.last === null) await this.running?.promise;
    if (this.running !== null && now - this.running.since > this.options.stalledMs && this.idleFor(now)) {
      return false;
    }
    return this.last?.ok ?? false;
  }

  /** Whether the database has finished no statement for `stalledMs` (always, without the signal). */
  private idleFor(now: number): boolean {
    const ended = this.options.lastStatementEndedAt;
    return ended === undefined || now - ended() > this.options.stalledMs;
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
