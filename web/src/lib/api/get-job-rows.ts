import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { getJson } from './http';
import { jobKeys } from './query-keys';

const ROW_NUMBER = 'row_number';
const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]).catch(null);
const columnName = z.union([z.string(), z.looseObject({ name: z.string() }).transform((column) => column.name)]);

/**
 * A page of parsed rows. The endpoint is new, so the shape is read leniently: rows may be arrays (in `columns`
 * order) or objects keyed by column name.
 */
export const rowsPageSchema = z
  .looseObject({
    columns: z.array(columnName).optional(),
    rows: z.array(z.union([z.array(cell), z.record(z.string(), cell)])),
    offset: z.number().int().optional(),
    total: z.number().int().nullish(),
  })
  .transform((page) => {
    const columns = page.columns ?? Object.keys(page.rows.find((row) => !Array.isArray(row)) ?? {}).filter((key) => key !== ROW_NUMBER);
    const rows = page.rows.map((row) => (Array.isArray(row) ? row : columns.map((name) => row[name] ?? null)));
    // The row's number in the report (1-based, file order without rejected rows), when the server says it.
    const rowNumbers = page.rows.map((row) => (!Array.isArray(row) && typeof row[ROW_NUMBER] === 'number' ? row[ROW_NUMBER] : null));
    return { columns, rows, rowNumbers, offset: page.offset ?? null, total: page.total ?? null };
  });

export type RowsPage = z.infer<typeof rowsPageSchema>;
export type Cell = RowsPage['rows'][number][number];

export function getJobRows(id: string, offset: number, limit: number, signal?: AbortSignal): Promise<RowsPage> {
  const query = new URLSearchParams({ offset: String(offset), limit: String(limit) });
  return getJson(`/api/jobs/${encodeURIComponent(id)}/rows?${query.toString()}`, rowsPageSchema, signal);
}

export function jobRowsQueryOptions(id: string, offset: number, limit: number) {
  return queryOptions({
    queryKey: jobKeys.rows(id, offset, limit),
    queryFn: ({ signal }) => getJobRows(id, offset, limit, signal),
    placeholderData: keepPreviousData,
    // A finished job's rows never change.
    staleTime: Infinity,
  });
}
