import { describe, expect, it } from 'vitest';
import { DatabaseProbe } from './database-probe.ts';

/** A ping the test answers by hand, and a clock it moves by hand. */
function harness(lastStatementEndedAt?: () => number) {
  const pending: { resolve(): void; reject(error: Error): void }[] = [];
  const clock = { now: 0 };
  const probe = new DatabaseProbe(
    () => new Promise<void>((resolve, reject) => pending.push({ resolve, reject })),
    { refreshMs: 1_000, stalledMs: 30_000, lastStatementEndedAt },
    () => clock.now,
  );
  return { probe, pending, clock };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('DatabaseProbe', () => {
  it('waits for the first probe only, then answers from the last one while the next waits', async () => {
    const { probe, pending, clock } = harness();
    const first = probe.healthy();
    pending[0]?.resolve();
    expect(await first).toBe(true);

    clock.now = 1_000;
    // A second probe starts and waits behind the database's work: the check answers at once.
    expect(await probe.healthy()).toBe(true);
    expect(pending).toHaveLength(2);
    clock.now = 5_000;
    expect(await probe.healthy()).toBe(true);
    expect(pending).toHaveLength(2); // one probe at a time
  });

  it('reports a failed probe, and recovers with the next one', async () => {
    const { probe, pending, clock } = harness();
    const first = probe.healthy();
    pending[0]?.reject(new Error('connection refused'));
    expect(await first).toBe(false);
    clock.now = 1_000;
    expect(await probe.healthy()).toBe(false);
    pending[1]?.resolve();
    await settle();
    expect(await probe.healthy()).toBe(true);
  });

  it('reports a database that has not answered a probe for longer than the stall limit', async () => {
    const { probe, pending, clock } = harness();
    const first = probe.healthy();
    pending[0]?.resolve();
    await first;
    clock.now = 2_000;
    expect(await probe.healthy()).toBe(true);
    clock.now = 2_000 + 30_001;
    expect(await probe.healthy()).toBe(false);
  });

  it('calls a database busy, not stalled, while a waiting probe sees statements keep ending', async () => {
    let ended = 0;
    const { probe, pending, clock } = harness(() => ended);
    const first = probe.healthy();
    pending[0]?.resolve();
    await first;
    clock.now = 2_000;
    expect(await probe.healthy()).toBe(true); // the second probe waits behind a long transaction
    clock.now = 2_000 + 60_000;
    ended = clock.now - 500; // ... whose statements keep ending
    expect(await probe.healthy()).toBe(true);
    clock.now += 30_001; // then none ends for over 30 s: stuck
    expect(await probe.healthy()).toBe(false);
    ended = clock.now;
    pending[1]?.resolve();
    await settle();
    expect(await probe.healthy()).toBe(true);
  });
});
