import { describe, expect, it } from 'vitest';
import { ApiError, ApiUnreachableError, isUnauthorized } from './api-error.ts';
import { describeError } from './describe-error.ts';

const apiError = (status: number, title: string, detail?: string) =>
  new ApiError({ type: 'about:blank', title, status, ...(detail ? { detail } : {}) });

describe('describeError', () => {
  it('says a rejected key was not accepted, whatever the API called it', () => {
    expect(describeError(apiError(401, 'Unauthorized', 'Unknown key'))).toBe(
      'Your API key was not accepted.',
    );
  });

  it('says a forbidden call is not allowed for this key', () => {
    expect(describeError(apiError(403, 'Forbidden'))).toBe('Your API key does not allow this.');
  });

  it("uses the problem's title and detail for other answers", () => {
    expect(describeError(apiError(404, 'Not found', 'No fiscal year 2031-32.'))).toBe(
      'Not found: No fiscal year 2031-32.',
    );
    expect(describeError(apiError(500, 'Internal Server Error'))).toBe('Internal Server Error');
  });

  it('says when the API cannot be reached', () => {
    expect(describeError(new ApiUnreachableError(new TypeError('Failed to fetch')))).toMatch(
      /could not be reached/,
    );
  });

  it('has a generic sentence for anything else', () => {
    expect(describeError(new Error('boom'))).toBe('Something went wrong. Try again.');
  });
});

describe('isUnauthorized', () => {
  it('is true for a 401 ApiError only', () => {
    expect(isUnauthorized(apiError(401, 'Unauthorized'))).toBe(true);
    expect(isUnauthorized(apiError(403, 'Forbidden'))).toBe(false);
    expect(isUnauthorized(new Error('401'))).toBe(false);
  });
});
