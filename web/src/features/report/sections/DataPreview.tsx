import { useQuery } from '@tanstack/react-query';
import { useState, type UIEvent } from 'react';
import { ErrorState, LoadingState } from '../../../components/states';
import { jobRowsQueryOptions, type Cell } from '../../../lib/api/get-job-rows';
import { ApiError, errorMessage } from '../../../lib/api/problem';
import { EMPTY, formatInteger } from '../../../lib/format';
import { SECTION_IDS } from '../report-model';

export const PREVIEW_PAGE_SIZE = 500;
const ROW_HEIGHT = 32;
const VIEWPORT_HEIGHT = 384;
const OVERSCAN = 6;
const ROW_NUMBER_WIDTH = 64;
const COLUMN_WIDTH = 160;
const COLUMN_OVERSCAN = 2;
/** Until the box has been measured (and where nothing is laid out, as in tests). */
const ASSUMED_WIDTH = 1280;

/** Which rows of a page to put in the DOM for a scroll position: the visible ones plus a margin. */
export function visibleRange(scrollTop: number, rowCount: number, rowHeight = ROW_HEIGHT, viewport = VIEWPORT_HEIGHT) {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(rowCount, Math.ceil((scrollTop + viewport) / rowHeight) + OVERSCAN);
  return { first, last };
}

/** Which columns to put in the DOM for a horizontal scroll position: a 500-column file would add 500 cells a row. */
export function visibleColumns(scrollLeft: number, columnCount: number, viewport = ASSUMED_WIDTH) {
  const first = Math.max(0, Math.floor((scrollLeft - ROW_NUMBER_WIDTH) / COLUMN_WIDTH) - COLUMN_OVERSCAN);
  const last = Math.min(columnCount, Math.ceil((scrollLeft + viewport - ROW_NUMBER_WIDTH) / COLUMN_WIDTH) + COLUMN_OVERSCAN);
  return { first, last };
}

function show(cell: Cell): string {
  return cell === null ? EMPTY : String(cell);
}

const CELL = 'truncate px-3 text-left';

function RowsTable({ columns, rows, rowNumbers, offset }: { columns: string[]; rows: Cell[][]; rowNumbers: Array<number | null>; offset: number }) {
  const [scroll, setScroll] = useState({ top: 0, left: 0, width: ASSUMED_WIDTH });
  const { first, last } = visibleRange(scroll.top, rows.length);
  const shown = visibleColumns(scroll.left, columns.length, scroll.width);
  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const box = event.currentTarget;
    setScroll({ top: box.scrollTop, left: box.scrollLeft, width: box.clientWidth || ASSUMED_WIDTH });
  };
  // Columns out of sight are stood in for by one empty cell each side, as wide as they are.
  const before = shown.first * COLUMN_WIDTH;
  const after = (columns.length - shown.last) * COLUMN_WIDTH;
  return (
    <div
      className="overflow-auto rounded border border-slate-200"
      style={{ height: Math.min(VIEWPORT_HEIGHT + ROW_HEIGHT, (rows.length + 1) * ROW_HEIGHT + 2) }}
      tabIndex={0}
      aria-label="Parsed rows, scrollable"
      onScroll={onScroll}
    >
      <table
        data-testid="rows-table"
        aria-rowcount={rows.length + 1}
        aria-colcount={columns.length + 1}
        className="table-fixed text-sm"
        style={{ width: ROW_NUMBER_WIDTH + columns.length * COLUMN_WIDTH }}
      >
        <thead className="sticky top-0 z-10 bg-slate-50">
          <tr style={{ height: ROW_HEIGHT }} aria-rowindex={1}>
            <th scope="col" className="px-3 text-right font-semibold text-slate-700" style={{ width: ROW_NUMBER_WIDTH }}>
              Row
            </th>
            {before > 0 && <th aria-hidden="true" style={{ width: before }} />}
            {columns.slice(shown.first, shown.last).map((name, index) => (
              <th
                key={name}
                scope="col"
                aria-colindex={shown.first + index + 2}
                className={`${CELL} font-semibold text-slate-700`}
                style={{ width: COLUMN_WIDTH }}
                title={name}
              >
                {name}
              </th>
            ))}
            {after > 0 && <th aria-hidden="true" style={{ width: after }} />}
          </tr>
        </thead>
        <tbody>
          {first > 0 && <tr aria-hidden="true" style={{ height: first * ROW_HEIGHT }} />}
          {rows.slice(first, last).map((row, index) => {
            const position = first + index;
            return (
              <tr key={position} data-testid="preview-row" aria-rowindex={position + 2} style={{ height: ROW_HEIGHT }} className="border-t border-slate-100">
                <td className="px-3 text-right tabular-nums text-slate-600">{formatInteger(rowNumbers[position] ?? offset + position + 1)}</td>
                {before > 0 && <td aria-hidden="true" />}
                {columns.slice(shown.first, shown.last).map((name, index) => {
                  const column = shown.first + index;
                  const text = show(row[column] ?? null);
                  return (
                    <td
                      key={name}
                      aria-colindex={column + 2}
                      className={`${CELL} ${row[column] === null ? 'text-slate-400' : 'text-slate-900'}`}
                      title={text}
                    >
                      {text}
                    </td>
                  );
                })}
                {after > 0 && <td aria-hidden="true" />}
              </tr>
            );
          })}
          {last < rows.length && <tr aria-hidden="true" style={{ height: (rows.length - last) * ROW_HEIGHT }} />}
        </tbody>
      </table>
    </div>
  );
}

/** The parsed rows as the engine typed them, a page at a time, only the visible rows and columns in the DOM. */
export function DataPreview({ jobId, totalRows }: { jobId: string; totalRows: number | null }) {
  const [page, setPage] = useState(0);
  const rows = useQuery(jobRowsQueryOptions(jobId, page * PREVIEW_PAGE_SIZE, PREVIEW_PAGE_SIZE));
  const total = rows.data?.total ?? totalRows;
  const pages = total === null ? null : Math.max(1, Math.ceil(total / PREVIEW_PAGE_SIZE));
  const unavailable = rows.error instanceof ApiError && rows.error.status === 404;

  let body;
  if (rows.isPending) body = <LoadingState>Loading rows…</LoadingState>;
  else if (unavailable)
    body = (
      <p data-testid="preview-unavailable" className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
        The row preview is not available: this server does not offer the parsed rows (GET /api/jobs/{jobId}/rows answered 404).
        The report above is complete without it.
      </p>
    );
  else if (rows.isError)
    body = <ErrorState title="The rows could not be loaded" message={errorMessage(rows.error)} onRetry={() => void rows.refetch()} />;
  else if (rows.data.rows.length === 0) body = <p className="text-slate-600">There are no rows on this page.</p>;
  else body = <RowsTable key={page} columns={rows.data.columns} rows={rows.data.rows} rowNumbers={rows.data.rowNumbers} offset={page * PREVIEW_PAGE_SIZE} />;

  const first = page * PREVIEW_PAGE_SIZE + 1;
  const last = page * PREVIEW_PAGE_SIZE + (rows.data?.rows.length ?? 0);
  return (
    <section id={SECTION_IDS.preview} tabIndex={-1} aria-labelledby="preview-heading" data-testid="data-preview" className="card scroll-mt-4">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="preview-heading" className="text-lg font-semibold text-slate-900">
          Data preview
        </h2>
        {!unavailable && rows.data && rows.data.rows.length > 0 && (
          <nav aria-label="Row pages" className="flex items-center gap-2 text-sm text-slate-700">
            <span data-testid="preview-range" className="tabular-nums">
              Rows {formatInteger(first)}–{formatInteger(last)}
              {total !== null && ` of ${formatInteger(total)}`}
            </span>
            <button type="button" className="btn-secondary" disabled={page === 0 || rows.isFetching} onClick={() => setPage(page - 1)}>
              Previous
            </button>
            <button
              type="button"
              className="btn-secondary"
              disabled={rows.isFetching || (pages !== null ? page + 1 >= pages : rows.data.rows.length < PREVIEW_PAGE_SIZE)}
              onClick={() => setPage(page + 1)}
            >
              Next
            </button>
          </nav>
        )}
      </div>
      <div className="mt-4">{body}</div>
    </section>
  );
}
