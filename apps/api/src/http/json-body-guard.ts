import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';
import { jsonValueProblem } from './json-value-problem.ts';
import { problems } from './problem.ts';

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/;

/**
 * The door of every JSON route whose body is held in memory (all but the streamed bulk uploads):
 * a body that is not JSON is 415, malformed JSON 400, and JSON that cannot be stored (a NUL
 * character, nesting deeper than 32 levels, a number beyond the safe range) 422 naming where
 * (never what). The bytes stay cached, so the route's validator and the idempotency hash read
 * them again from memory. An empty body goes on: a route that needs one answers 400 itself.
 */
export function jsonBodyGuard(skip: (method: string, path: string) => boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS' || !c.req.raw.body) return next();
    if (skip(method, c.req.path)) return next();
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.byteLength === 0) return next();
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!JSON_TYPE.test(type)) {
      throw problems.unsupportedMediaType('Send the request body as application/json.');
    }
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      throw problems.badRequest('The request body is not valid JSON (UTF-8): send one JSON value.');
    }
    const problem = jsonValueProblem(value);
    if (problem) {
      throw problems.unprocessable(`The request body ${problem.message}.`, [
        { row: 0, path: problem.path, message: problem.message },
      ]);
    }
    await next();
  };
}
