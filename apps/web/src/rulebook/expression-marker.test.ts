import { checkExpression } from '@quip/core';
import { describe, expect, it } from 'vitest';
import { expressionMarker } from './expression-marker.ts';

describe('expressionMarker', () => {
  it('puts the caret under the character at the position', () => {
    expect(expressionMarker('a > 1', 4)).toEqual({ line: 1, column: 5, lineText: 'a > 1', caret: '    ^' });
  });

  it('counts lines and columns from the line start', () => {
    const m = expressionMarker('a > 1\nand bb', 10);
    expect([m.line, m.column, m.lineText, m.caret]).toEqual([2, 5, 'and bb', '    ^']);
  });

  it('clamps a position past the end (an unexpected end of input)', () => {
    expect(expressionMarker('a >', 99).caret).toBe('   ^');
  });

  it("marks core's unknown field where it starts", () => {
    const issues = checkExpression("serviceCod in ['950']", { serviceCode: 'string' });
    const marker = expressionMarker("serviceCod in ['950']", issues[0]?.position ?? -1);
    expect(issues[0]?.message).toContain("did you mean 'serviceCode'");
    expect(marker.column).toBe(1);
  });
});
