import { setImmediate as nextTurn } from 'node:timers/promises';

/** How long a request's synchronous work may hold the event loop before other requests get a turn. */
export const SLICE_MS = 20;

/**
 * Cuts a long loop on the HTTP thread (an upload's row checks: seconds for 200,000 rows) into
 * slices: `due()` says when the current slice has run `sliceMs`, and `giveTurn()` gives the event loop
 * a turn (timers, sockets, other requests) before the next one. Reading a body received whole never
 * waits for I/O, so without it a loop would keep the thread from its first row to its last.
 */
export class EventLoopSlices {
  private sliceStart = performance.now();

  constructor(private readonly sliceMs = SLICE_MS) {}

  due(): boolean {
    return performance.now() - this.sliceStart >= this.sliceMs;
  }

  async giveTurn(): Promise<void> {
    await nextTurn();
    this.sliceStart = performance.now();
  }
}
