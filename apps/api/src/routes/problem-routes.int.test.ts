import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problems } from '../http/problem.ts';
import { PROBLEM_TYPES, type ProblemSlug, problemTypeUri } from '../http/problem-types.ts';
import { bearer, openTestApp, type TestApp } from '../testing/test-app.ts';

/**
 * Problem `type` URIs resolve: every problem type of the catalog (the only types a Problem can
 * have, by its type) has a page on the server that answers 200, and the types of real error
 * answers are pages too. The pages load nothing from elsewhere.
 */
describe('problem type pages', () => {
  let t: TestApp;
  let submitter: string;
  beforeAll(async () => {
    t = await openTestApp('pglite', { bodyLimitBytes: 1024 });
    submitter = await t.keyFor('submitter', ['PV-1']);
  });
  afterAll(() => t?.close());

  const slugs = Object.keys(PROBLEM_TYPES) as ProblemSlug[];

  it.each(slugs)('serves the page of %s', async (slug) => {
    const res = await t.app.request(problemTypeUri(slug));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = await res.text();
    expect(page).toContain(`<h1>${PROBLEM_TYPES[slug].title}</h1>`);
    expect(page).toContain(`HTTP status <strong>${PROBLEM_TYPES[slug].status}</strong>`);
    // No script, stylesheet, font or image from anywhere: the page is whole as served.
    expect(page).not.toMatch(/<script|<link|<img|src=|url\(/i);
  });

  it('lists every problem type at /problems, each linked to its page', async () => {
    const res = await t.app.request('/problems');
    expect(res.status).toBe(200);
    const page = await res.text();
    for (const slug of slugs) expect(page).toContain(`href="/problems/${slug}"`);
    expect(page).not.toMatch(/<script|<link|<img|src=/i);
  });

  it('answers an unknown problem type 404, whose own type is a page', async () => {
    const res = await t.app.request('/problems/no-such-problem');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const { type } = (await res.json()) as { type: string };
    expect(type).toBe('/problems/not-found');
    expect((await t.app.request(type)).status).toBe(200);
  });

  it('gives each of the problems factories a type of the catalog, with its status and title', () => {
    const made = [
      problems.notFound('x'),
      problems.unauthorized('x'),
      problems.forbidden('x'),
      problems.badRequest('x'),
      problems.unprocessable('x'),
      problems.tooLarge('x'),
      problems.conflict('x'),
      problems.unsupportedMediaType('x'),
      problems.tooManyRequests('x'),
      problems.internal(),
    ];
    for (const problem of made) {
      const json = problem.toJSON();
      const type = PROBLEM_TYPES[problem.slug];
      expect(json).toMatchObject({
        type: `/problems/${problem.slug}`,
        status: type.status,
        title: type.title,
      });
    }
  });

  it('answers real errors with a type that resolves to its page', async () => {
    const json = (body: string, type = 'application/json') => ({
      method: 'POST',
      headers: { ...bearer(submitter), 'Content-Type': type },
      body,
    });
    const answers = [
      await t.app.request('/api/v1/me'), // 401
      await t.app.request('/api/v1/api-keys', { headers: bearer(submitter) }), // 403
      await t.app.request('/api/v1/fiscal-years/2031-32/programs', { headers: bearer(submitter) }), // 404
      await t.app.request('/api/v1/fiscal-years/FY27/programs', { headers: bearer(submitter) }), // 400
      await t.app.request('/api/v1/fiscal-years', json('{"fiscalYear":')), // 400, malformed JSON
      await t.app.request('/api/v1/fiscal-years', json('x'.repeat(2048))), // 413
      await t.app.request('/api/v1/fiscal-years', json('{}', 'text/plain')), // 415
      await t.app.request('/api/v1/fiscal-years', json('{"fiscalYear":"2027-28\\u0000"}')), // 422
    ];
    expect(answers.map((a) => a.status)).toEqual([401, 403, 404, 400, 400, 413, 415, 422]);
    for (const answer of answers) {
      const { type, status } = (await answer.json()) as { type: string; status: number };
      expect(type).toMatch(/^\/problems\/[a-z-]+$/);
      const page = await t.app.request(type);
      expect(page.status, type).toBe(200);
      expect(await page.text()).toContain(`HTTP status <strong>${status}</strong>`);
    }
  });
});
