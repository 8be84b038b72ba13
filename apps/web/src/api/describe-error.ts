import { ApiError, ApiUnreachableError } from './api-error.ts';

/** One sentence for a person, from any error a query or mutation can throw. */
export function describeError(error: unknown): string {
  if (error instanceof ApiUnreachableError) {
    return 'The Quip API could not be reached. Check that it is running, then try again.';
  }
  if (error instanceof ApiError) {
    if (error.status === 401) return 'Your API key was not accepted.';
    if (error.status === 403) return 'Your API key does not allow this.';
    const { title, detail } = error.problem;
    return detail ? `${title}: ${detail}` : title;
  }
  return 'Something went wrong. Try again.';
}
