import { describe, expect, it } from 'vitest';
import { toProblem } from './problem.ts';

describe('toProblem', () => {
  it('keeps the fields of a problem body, including bulk row errors', () => {
    const body = {
      type: 'https://quip.dev/problems/validation',
      title: 'Invalid submissions',
      status: 422,
      detail: '2 rows are invalid.',
      errors: [{ row: 3, path: 'data.milestone', message: 'must be 1..25' }],
    };
    expect(toProblem(422, 'Unprocessable Entity', body)).toEqual(body);
  });

  it('fills what the body lacks from the HTTP status line', () => {
    expect(toProblem(404, 'Not Found', { detail: 'No such fiscal year.' })).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'No such fiscal year.',
    });
  });

  it('names the status when there is neither a body nor a status text (HTTP/2 has none)', () => {
    expect(toProblem(500, '', undefined)).toEqual({ type: 'about:blank', title: 'HTTP 500', status: 500 });
  });

  it('ignores fields of the wrong type', () => {
    expect(toProblem(400, 'Bad Request', { title: 7, status: 'x', detail: null })).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
    });
  });
});
