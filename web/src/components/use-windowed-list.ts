import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';

export interface WindowedListOptions {
  /** Rows in the list; a row may hold several items (a line of cards in a grid). */
  count: number;
  /** Height in px of a row not measured yet, gap included. */
  estimatedHeight: number;
  /** Space in px between rows (a grid's gap), counted with each measured row. */
  gap?: number;
  /** Rows kept in the page beyond each edge of the screen, so a short scroll never shows a blank. */
  overscan?: number;
  /** False renders every row: windowing pays off only for long lists, and costs find-in-page and printing. */
  enabled?: boolean;
}

export interface RowProps {
  ref?: (element: HTMLElement | null) => (() => void) | undefined;
  'data-window-row'?: number;
}

const NOT_MEASURED: RowProps = {};

export interface WindowedList {
  /** Goes on the element the rows start in. */
  listRef: (element: HTMLElement | null) => void;
  /** Rows first…last-1 are in the page. */
  first: number;
  last: number;
  /** Height in px standing in for the rows before `first` and after `last`. */
  before: number;
  after: number;
  /** Spread on the element of each rendered row, so its real height replaces the estimate. */
  rowProps: (row: number) => RowProps;
  /** Scrolls straight to `row` and puts it in the page, so it can then be focused or scrolled to exactly. */
  jumpTo: (row: number) => void;
}

const NONE: number[] = [];

/** The last row whose top is at or above `y` px from the start of the list. */
function rowAt(offsets: Float64Array, y: number): number {
  let low = 0;
  let high = offsets.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (offsets[middle]! <= y) low = middle;
    else high = middle - 1;
  }
  return Math.max(0, low);
}

/**
 * Keeps only the rows of a long list near the screen in the page, the rest stood in for by empty space, for a list
 * laid out in the page's own scroll (not in a box of its own). Rows are measured as they render, so rows of
 * different heights line up; rows never rendered count at the estimate.
 */
export function useWindowedList({ count, estimatedHeight, gap = 0, overscan = 4, enabled = true }: WindowedListOptions): WindowedList {
  const list = useRef<HTMLElement | null>(null);
  // Measured heights, gap included, for this many rows: a grid that changes its number of columns starts over.
  const [measured, setMeasured] = useState<{ count: number; heights: number[] }>({ count, heights: [] });
  const heights = measured.count === count ? measured.heights : NONE;
  const [range, setRange] = useState(() => {
    const screen = typeof window === 'undefined' ? 1000 : window.innerHeight;
    return { first: 0, last: Math.min(count, Math.ceil(screen / estimatedHeight) + overscan) };
  });

  // offsets[i] is the top of row i from the start of the list; offsets[count] is where the list ends (plus a gap).
  const offsets = useMemo(() => {
    const result = new Float64Array(count + 1);
    for (let row = 0; row < count; row++) result[row + 1] = result[row]! + (heights[row] ?? estimatedHeight);
    return result;
  }, [count, estimatedHeight, heights]);

  const update = useCallback(() => {
    const element = list.current;
    if (!element || !enabled) return;
    const top = -element.getBoundingClientRect().top;
    const first = Math.max(0, rowAt(offsets, top) - overscan);
    const last = Math.min(count, rowAt(offsets, top + window.innerHeight) + 1 + overscan);
    setRange((current) => (current.first === first && current.last === last ? current : { first, last }));
  }, [offsets, count, overscan, enabled]);

  useLayoutEffect(update, [update]);
  useEffect(() => {
    if (!enabled) return;
    window.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      window.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [update, enabled]);

  // Rows report their height when they render and whenever it changes (fonts, a narrower screen).
  const [observer, setObserver] = useState<ResizeObserver | null>(null);
  useEffect(() => {
    if (!enabled || typeof ResizeObserver === 'undefined') return;
    const created = new ResizeObserver((entries) => {
      const sizes = entries.map((entry) => ({
        row: Number((entry.target as HTMLElement).dataset.windowRow),
        height: entry.target.getBoundingClientRect().height + gap,
      }));
      setMeasured((current) => {
        let next = current.count === count ? current.heights : NONE;
        for (const { row, height } of sizes) {
          // A row out of the page (or not laid out) reads 0: keep what was known.
          if (!Number.isInteger(row) || row >= count || height <= gap) continue;
          if (Math.abs((next[row] ?? 0) - height) <= 0.5) continue;
          if (next === current.heights || next === NONE) next = [...next];
          next[row] = height;
        }
        return next === current.heights ? current : { count, heights: next };
      });
    });
    setObserver(created);
    return () => {
      created.disconnect();
      setObserver(null);
    };
  }, [enabled, gap, count]);

  const measure = useCallback(
    (element: HTMLElement | null) => {
      if (!element || !observer) return undefined;
      observer.observe(element);
      return () => observer.unobserve(element);
    },
    [observer],
  );
  const rowProps = useCallback(
    (row: number): RowProps => (enabled ? { ref: measure, 'data-window-row': row } : NOT_MEASURED),
    [measure, enabled],
  );

  const jumpTo = useCallback(
    (row: number) => {
      if (!enabled) return;
      setRange({ first: Math.max(0, row - overscan), last: Math.min(count, row + 1 + overscan) });
      const element = list.current;
      // Straight there: a smooth scroll across hundreds of rows would render every one of them on the way.
      if (element) window.scrollTo({ top: window.scrollY + element.getBoundingClientRect().top + offsets[row]!, behavior: 'instant' });
    },
    [enabled, overscan, count, offsets],
  );

  const listRef = useCallback((element: HTMLElement | null) => {
    list.current = element;
  }, []);

  if (!enabled) return { listRef, first: 0, last: count, before: 0, after: 0, rowProps, jumpTo };
  const first = Math.min(range.first, count);
  const last = Math.min(Math.max(range.last, first), count);
  return { listRef, first, last, before: offsets[first]!, after: offsets[count]! - offsets[last]!, rowProps, jumpTo };
}
