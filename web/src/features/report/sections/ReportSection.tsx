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

/** Moves to a section by id, for keyboard and screen-reader users too (focus follows the scroll). */
export function goToSection(id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  target.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  target.focus({ preventScroll: true });
  window.history.replaceState(window.history.state, '', `#${id}`);
}
