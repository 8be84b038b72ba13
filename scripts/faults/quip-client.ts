/** The fault test's HTTP client of the API host: uploads, runs, the payment file. */
import { Readable } from 'node:stream';
import { ADDRESS, sleep } from './hosts.ts';

export const API = `http://${ADDRESS.api}:3000`;
const FY = '2026-27';
const PROGRAM = 'dds-qip';
const OF_PROGRAM = `${API}/api/v1/fiscal-years/${FY}/programs/${PROGRAM}`;

export interface RunView {
  id: number;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  progress: { done: number; total: number };
  totals: { payees: number; totalCents: number; byLineKind: Record<string, number> } | null;
  reason: string | null;
}

export class QuipClient {
  constructor(private readonly key: string) {}

  private headers(extra: Record<string, string> = {}) {
    return { authorization: `Bearer ${this.key}`, ...extra };
  }

  async healthy(): Promise<boolean> {
    try {
      return (await fetch(`${API}/healthz`, { signal: AbortSignal.timeout(2000) })).ok;
    } catch {
      return false;
    }
  }

  /** POSTs rows as NDJSON (payees or submissions), streamed as they are made. */
  async upload(kind: 'entities' | 'submissions', rows: Iterable<unknown>): Promise<Record<string, unknown>> {
    function* lines() {
      let text = '';
      for (const row of rows) {
        text += `${JSON.stringify(row)}\n`;
        if (text.length > 1 << 16) {
          yield text;
          text = '';
        }
      }
      if (text) yield text;
    }
    const response = await fetch(`${OF_PROGRAM}/${kind}`, {
      method: 'POST',
      headers: this.headers({ 'content-type': 'application/x-ndjson' }),
      body: Readable.toWeb(Readable.from(lines())) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    const body = await response.text();
    if (response.status !== 200 && response.status !== 201)
      throw new Error(`upload of ${kind}: ${response.status} ${body.slice(0, 500)}`);
    return JSON.parse(body) as Record<string, unknown>;
  }

  /** Starts a recompute; retried while the API cannot answer (a fault may be under way). */
  async startRun(): Promise<number> {
    let last = '';
    for (let attempt = 0; attempt < 30; attempt++) {
      try {
        const response = await fetch(`${OF_PROGRAM}/runs`, {
          method: 'POST',
          headers: this.headers({ 'content-type': 'application/json' }),
          body: '{}',
        });
        const body = await response.text();
        if (response.status === 202) return (JSON.parse(body) as { id: number }).id;
        last = `${response.status} ${body.slice(0, 300)}`;
        // A refusal (4xx) will not change by asking again.
        if (response.status < 500) break;
      } catch (error) {
        last = (error as Error).message;
      }
      await sleep(2000);
    }
    throw new Error(`POST runs failed: ${last}`);
  }

  /** The run, or null while the API cannot answer. */
  async run(id: number): Promise<RunView | null> {
    try {
      const response = await fetch(`${API}/api/v1/runs/${id}`, {
        headers: this.headers(),
        signal: AbortSignal.timeout(10_000),
      });
      return response.ok ? ((await response.json()) as RunView) : null;
    } catch {
      return null;
    }
  }

  /** The run's payment file, as bytes. */
  async paymentFile(id: number): Promise<Buffer> {
    const response = await fetch(`${API}/api/v1/runs/${id}/payments?format=csv`, { headers: this.headers() });
    if (!response.ok) throw new Error(`payment file of run ${id}: ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  }
}

export const ended = (run: RunView | null) =>
  run !== null && run.status !== 'queued' && run.status !== 'running';
