import { describe, expect, it } from 'vitest';
import { runLengths } from './payment-details.tsx';

describe('runLengths', () => {
  it('folds equal neighbours', () => {
    // EPT: 35,750,000 c over 23 milestones = 1,554,347.8...: 20 x 1,554,348 + 3 x 1,554,347.
    const per = [...Array(20).fill(1_554_348), ...Array(3).fill(1_554_347)];
    expect(runLengths(per)).toBe('1,554,348 ×20, 1,554,347 ×3');
    expect(runLengths([1, 2, 2])).toBe('1, 2 ×2');
  });
});
