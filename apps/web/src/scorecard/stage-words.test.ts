import { describe, expect, it } from 'vitest';
import { stageWords } from './stage-words.ts';

describe('stageWords', () => {
  it('names each stage a scorecard can show in words a payee reads', () => {
    expect(stageWords('preliminary')).toBe('Preliminary results: open for review');
    expect(stageWords('final')).toBe('Final results');
    expect(stageWords('standing')).toContain('not a result');
    expect(stageWords('draft')).toContain('not published');
    expect(stageWords('other')).toBe('other');
  });
});
