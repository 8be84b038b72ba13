import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env.ts';
import { notFoundError } from '../http/common-schemas.ts';
import { problems } from '../http/problem.ts';
import { PROBLEM_TYPES, type ProblemSlug, type ProblemType, problemTypeUri } from '../http/problem-types.ts';

const tags = ['problems'];
const slugs = Object.keys(PROBLEM_TYPES) as ProblemSlug[];

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Catalog text to HTML: escaped, with `code` spans. */
const prose = (text: string) => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}
code{background:#f0f2f4;padding:0 .25em;border-radius:3px}table{border-collapse:collapse}
td,th{text-align:left;padding:.25rem .75rem .25rem 0;vertical-align:top}a{color:#0b57d0}`;

/** A whole page: no script, no external stylesheet, font or image. */
function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>${body}</body></html>
`;
}

function typePage(slug: ProblemSlug, type: ProblemType): string {
  const members = Object.entries(type.members ?? {});
  return page(
    `${type.title} (${type.status}): Quip problem type`,
    `<p><a href="/problems">Quip problem types</a></p>
<h1>${escapeHtml(type.title)}</h1>
<p>HTTP status <strong>${type.status}</strong>; problem type <code>${escapeHtml(problemTypeUri(slug))}</code></p>
<h2>What it means</h2>
<p>${prose(type.means)}</p>
<h2>What to do</h2>
<p>${prose(type.todo)}</p>
<h2>The answer</h2>
<p>An <code>application/problem+json</code> body (RFC 9457) with <code>type</code> (this page),
<code>title</code>, <code>status</code>, <code>detail</code> (what went wrong with this request, never
echoing submitted data) and, when the request had several problems, <code>errors</code>: each with its
<code>row</code> (1 is the first data row of a bulk request, 0 is not a row), <code>path</code> and
<code>message</code>.</p>
${
  members.length === 0
    ? ''
    : `<p>It also has:</p>\n<table>${members
        .map(
          ([name, meaning]) => `<tr><th><code>${escapeHtml(name)}</code></th><td>${prose(meaning)}</td></tr>`,
        )
        .join('\n')}</table>`
}`,
  );
}

function listPage(): string {
  const rows = slugs
    .map((slug) => {
      const type: ProblemType = PROBLEM_TYPES[slug];
      return `<tr><td>${type.status}</td><td><a href="${escapeHtml(problemTypeUri(slug))}">${escapeHtml(type.title)}</a></td><td>${prose(type.means)}</td></tr>`;
    })
    .join('\n');
  return page(
    'Quip problem types',
    `<h1>Quip problem types</h1>
<p>Every error Quip answers is <code>application/problem+json</code> (RFC 9457) whose <code>type</code>
is one of these pages, <code>/problems/&lt;slug&gt;</code> on the server that answered.</p>
<table><tr><th>status</th><th>problem</th><th>what it means</th></tr>
${rows}</table>`,
  );
}

const html = (example: string) => ({ 'text/html': { schema: z.string().openapi({ example }) } });

/** The pages the problem `type` URIs point at: `/problems` and `/problems/{slug}` (no key needed). */
export function problemRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/problems',
      operationId: 'listProblemTypes',
      tags,
      summary: 'The problem types the API answers, as a page',
      security: [],
      responses: { 200: { description: 'An HTML page', content: html('<!doctype html>…') } },
    }),
    (c) => c.html(listPage()) as never,
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/problems/{slug}',
      operationId: 'getProblemType',
      tags,
      summary: "A problem type's page: what it means and what to do (a problem's `type` points here)",
      security: [],
      request: {
        params: z.object({
          slug: z
            .string()
            .regex(/^[a-z]+(-[a-z]+)*$/, 'a problem type is lower-case words joined by dashes')
            .openapi({ param: { name: 'slug', in: 'path' }, example: 'not-found' }),
        }),
      },
      responses: {
        200: { description: 'An HTML page', content: html('<!doctype html>…') },
        ...notFoundError,
      },
    }),
    (c) => {
      const slug = c.req.valid('param').slug;
      if (!Object.hasOwn(PROBLEM_TYPES, slug)) throw problems.notFound('No such problem type.');
      return c.html(typePage(slug as ProblemSlug, PROBLEM_TYPES[slug as ProblemSlug])) as never;
    },
  );
  return app;
}
