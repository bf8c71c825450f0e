import type { ReactNode } from 'react';
import type { Section } from '../report-model';

export interface ReportSectionProps<T> {
  id: string;
  title: string;
  section: Section<T>;
  children: (data: T) => ReactNode;
  description?: string;
}

/**
 * One section of the report. A section the report does not contain is not shown (the engine computes only
 * what the data supports); one it contains but this page cannot read says so instead of vanishing.
 */
export function ReportSection<T>({ id, title, section, children, description }: ReportSectionProps<T>) {
  if (section.state === 'absent') return null;
  const headingId = `${id}-heading`;
  return (
    <section id={id} tabIndex={-1} aria-labelledby={headingId} data-testid={id} className="card scroll-mt-4 focus:outline-none">
      <h2 id={headingId} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      <div className="mt-4">
        {section.state === 'ok' ? (
          children(section.data)
        ) : (
          <p role="alert" data-testid="section-unreadable" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            This section of the report could not be read by this version of the page ({section.issue}). The rest of
            the report is unaffected; the JSON download contains it as sent.
          </p>
        )}
      </div>
    </section>
  );
}

/** Brings an item a windowed list keeps out of the page into it; false when the id is not one of its items. */
type Revealer = (id: string) => boolean;
const revealers = new Set<Revealer>();

/** For lists that keep only their visible items in the page. Returns a function that removes the revealer. */
export function addRevealer(revealer: Revealer): () => void {
  revealers.add(revealer);
  return () => {
    revealers.delete(revealer);
  };
}

/**
 * Moves to a section by id, for keyboard and screen-reader users too (focus follows the scroll). An id not in the
 * page may be an item of a windowed list: its list renders it and then calls this again.
 */
export function goToSection(id: string): void {
  const target = document.getElementById(id);
  if (!target) {
    for (const reveal of [...revealers]) if (reveal(id)) return;
    return;
  }
  target.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  target.focus({ preventScroll: true });
  window.history.replaceState(window.history.state, '', `#${id}`);
}
