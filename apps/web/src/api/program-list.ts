import { type ApiClient, dataOf } from './api-client.ts';
import { fetchAllPages } from './fetch-all-pages.ts';
import type { paths } from './openapi-types.gen.ts';

/** The paged lists of one program in one fiscal year that are read whole: its runs, its payment cycles. */
type ProgramListPath =
  | '/api/v1/fiscal-years/{fy}/programs/{program}/runs'
  | '/api/v1/fiscal-years/{fy}/programs/{program}/payment-cycles';

/** One item of such a list, as the API describes it. */
export type ProgramListItem<P extends ProgramListPath> =
  paths[P]['get']['responses'][200]['content']['application/json']['items'][number];

/** Every item of one of a program's lists in a fiscal year, 200 a page. */
export function programList<P extends ProgramListPath>(
  api: ApiClient,
  path: P,
  fy: string,
  program: string,
  signal?: AbortSignal,
): Promise<ProgramListItem<P>[]> {
  return fetchAllPages<ProgramListItem<ProgramListPath>>((cursor) =>
    dataOf(
      api.GET(path as ProgramListPath, {
        params: { path: { fy, program }, query: { limit: 200, cursor } },
        signal,
      }),
    ),
  ) as Promise<ProgramListItem<P>[]>;
}
