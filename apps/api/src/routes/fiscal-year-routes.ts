import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { type Database, findFiscalYear, listFiscalYears, listPrograms } from '@quip/db';
import type { Kysely } from 'kysely';
import type { AppEnv } from '../http/app-env.ts';
import { authErrors, bearerSecurity, FiscalYearParam, notFoundError } from '../http/common-schemas.ts';
import { problems } from '../http/problem.ts';

const FiscalYearSchema = z
  .object({
    fiscalYear: z.string(),
    startsOn: z.string().openapi({ format: 'date' }),
    endsOn: z.string().openapi({ format: 'date' }),
    status: z.enum(['draft', 'open', 'closed']),
  })
  .openapi('FiscalYear', {
    example: { fiscalYear: '2026-27', startsOn: '2026-07-01', endsOn: '2027-06-30', status: 'open' },
  });

const ProgramSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    agency: z.string(),
    payeeKind: z.string(),
    description: z.string(),
    rulebookVersion: z.number().int().nullable().openapi({
      description: 'The published rulebook version for this fiscal year; null while none is published',
    }),
  })
  .openapi('Program', {
    example: {
      id: 'dhcs-ept',
      name: 'Equity and Practice Transformation payments',
      agency: 'DHCS',
      payeeKind: 'primary care practice',
      description: 'Members times a class-table multiplier, paid out per completed milestone (23 or 25).',
      rulebookVersion: 1,
    },
  });

export function fiscalYearRoutes(db: Kysely<Database>) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/fiscal-years',
      tags: ['fiscal years'],
      summary: 'Fiscal years and their status',
      security: bearerSecurity,
      responses: {
        200: {
          description: 'All fiscal years, oldest first',
          content: { 'application/json': { schema: z.object({ items: z.array(FiscalYearSchema) }) } },
        },
        ...authErrors,
      },
    }),
    async (c) => {
      const years = await listFiscalYears(db);
      return c.json({ items: years.map(({ closedAt: _closedAt, ...year }) => year) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/fiscal-years/{fy}/programs',
      tags: ['programs'],
      summary: 'Programs of a fiscal year with their published rulebook version',
      security: bearerSecurity,
      request: { params: z.object({ fy: FiscalYearParam }) },
      responses: {
        200: {
          description: 'The programs',
          content: { 'application/json': { schema: z.object({ items: z.array(ProgramSchema) }) } },
        },
        ...authErrors,
        ...notFoundError,
      },
    }),
    async (c) => {
      const { fy } = c.req.valid('param');
      if (!(await findFiscalYear(db, fy))) throw problems.notFound(`Fiscal year ${fy} does not exist.`);
      const programs = await listPrograms(db);
      return c.json({ items: programs.map((p) => ({ ...p, rulebookVersion: null })) }, 200);
    },
  );

  return app;
}
