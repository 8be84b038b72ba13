import { describe, expect, it } from 'vitest';
import { meetsTarget } from './meets-target.ts';
import { prepareTarget, resolveTarget } from './resolve-target.ts';
import { TargetSpecSchema } from './target-spec.ts';

const spec = (json: unknown) => TargetSpecSchema.parse(json);
const peers = [0.5, 0.6, 0.7, 0.8, 0.9];

describe('resolveTarget', () => {
  it('absolute', () => {
    expect(resolveTarget(spec({ kind: 'absolute', value: 0.8 }), {})).toEqual({
      ok: true,
      kind: 'absolute',
      value: 0.8,
      exact: 0.8,
      direction: 'higher',
    });
  });

  it('peer percentile, counted in the better direction', () => {
    // 75th of 5 peers: rank 0.75*4 = 3 -> 0.8
    const hi = resolveTarget(spec({ kind: 'peer-percentile', percentile: 75 }), { peerValues: peers });
    expect(hi.ok && hi.value).toBe(0.8);
    // lower is better: 75th best = PERCENTILE.INC at 0.25: rank 1 -> 0.6
    const lo = resolveTarget(spec({ kind: 'peer-percentile', percentile: 75, direction: 'lower' }), {
      peerValues: peers,
    });
    expect(lo.ok && lo.value).toBe(0.6);
    const none = resolveTarget(spec({ kind: 'peer-percentile', percentile: 50 }), { peerValues: [] });
    expect(none).toMatchObject({ ok: false, reason: 'no-peer-values' });
  });

  it('baseline percentile from the written distribution or from the peers baseline', () => {
    // median of {10, 20, 30, 40}: rank 1.5 -> 25
    const written = spec({ kind: 'baseline-percentile', percentile: 50, distribution: [40, 10, 30, 20] });
    expect(resolveTarget(written, { baselineValues: [1, 2, 3] })).toMatchObject({ ok: true, value: 25 });
    // median of {1, 2, 3} = 2
    const fromPeers = spec({ kind: 'baseline-percentile', percentile: 50 });
    expect(resolveTarget(fromPeers, { baselineValues: [3, 1, 2] })).toMatchObject({ ok: true, value: 2 });
    expect(resolveTarget(fromPeers, {})).toMatchObject({ ok: false, reason: 'no-baseline-values' });
  });

  it('improvement closes part of the gap, both directions', () => {
    // 0.50 + 0.1 * (0.80 - 0.50) = 0.53
    const up = spec({ kind: 'improvement', goal: 0.8 });
    expect(resolveTarget(up, { baseline: 0.5 })).toMatchObject({ ok: true, value: 0.53 });
    // lower is better: 0.30 + 0.25 * (0.10 - 0.30) = 0.25
    const down = spec({ kind: 'improvement', goal: 0.1, gapClosed: '0.25', direction: 'lower' });
    expect(resolveTarget(down, { baseline: 0.3 })).toMatchObject({ ok: true, value: 0.25 });
    // baseline 0.9 already beats goal 0.8 -> target 0.8
    expect(resolveTarget(up, { baseline: 0.9 })).toMatchObject({ ok: true, value: 0.8 });
    expect(resolveTarget(up, { baseline: null })).toMatchObject({ ok: false, reason: 'no-baseline' });
    // goal = median of peers = 0.7: 0.6 + 0.1 * (0.7 - 0.6) = 0.61
    const mpl = spec({ kind: 'improvement', goal: { peerPercentile: 50 } });
    expect(resolveTarget(mpl, { peerValues: peers, baseline: 0.6 })).toMatchObject({ ok: true, value: 0.61 });
  });

  it('explains only when asked', () => {
    const t = prepareTarget(spec({ kind: 'improvement', goal: 0.8 }), {});
    expect(t({ baseline: 0.5 })).not.toHaveProperty('formula');
    expect(t({ baseline: 0.5 }, true)).toMatchObject({
      formula: 'baseline + gapClosed * (goal - baseline)',
      inputs: { baseline: 0.5, goal: 0.8, gapClosed: '0.1' },
    });
  });
});

describe('meetsTarget', () => {
  it('compares in the better direction, ties meet', () => {
    expect(meetsTarget(0.8, 0.8, 'higher')).toBe(true);
    expect(meetsTarget(0.79, 0.8, 'higher')).toBe(false);
    expect(meetsTarget(0.12, 0.12, 'lower')).toBe(true);
    expect(meetsTarget(0.13, 0.12, 'lower')).toBe(false);
    expect(meetsTarget(0.11, 0.12, 'lower')).toBe(true);
  });
});
