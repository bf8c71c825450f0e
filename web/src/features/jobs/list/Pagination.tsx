import { formatInteger } from '../../../lib/format';

export interface PaginationProps {
  /** 1-based. */
  page: number;
  size: number;
  total: number;
  onPage: (page: number) => void;
}

export function Pagination({ page, size, total, onPage }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / size));
  const first = total === 0 ? 0 : (page - 1) * size + 1;
  const last = Math.min(total, page * size);
  return (
    <nav aria-label="Job list pages" className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-700">
      <p data-testid="pagination-summary">
        {total === 0 ? 'No jobs' : `${formatInteger(first)}–${formatInteger(last)} of ${formatInteger(total)}`}
      </p>
      <div className="flex items-center gap-2">
        <button type="button" className="btn-secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </button>
        <span className="tabular-nums">
          Page {page} of {pages}
        </span>
        <button type="button" className="btn-secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          Next
        </button>
      </div>
    </nav>
  );
}
