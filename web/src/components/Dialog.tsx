import { useEffect, useId, useRef, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusableIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)];
}

export interface DialogProps {
  title: string;
  /** Escape, a click outside and the Close button all call this. */
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}

/**
 * A modal dialog (WAI-ARIA dialog pattern): focus moves to its first control and stays inside while it is
 * open, Escape closes it, and focus returns to whatever opened it. Content that renders its controls later
 * (after loading) should give the first one `autoFocus`.
 */
export function Dialog({ title, onClose, children, testId }: DialogProps) {
  const titleId = useId();
  const panelRef = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const panel = panelRef.current;
    // The first control of the content, else the dialog itself (content still loading can autoFocus later).
    if (panel) (focusableIn(panel).find((element) => !element.hasAttribute('data-dialog-close')) ?? panel).focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        onCloseRef.current();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    const overflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.body.style.overflow = overflow;
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  // Tab and Shift+Tab wrap around inside the dialog.
  const trapTab = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    const panel = panelRef.current;
    if (event.key !== 'Tab' || !panel) return;
    const focusable = focusableIn(panel);
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    if (event.shiftKey && (document.activeElement === first || document.activeElement === panel)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div
      className="fixed inset-0 z-40 flex items-start justify-center overflow-y-auto bg-slate-900/40 p-3 sm:items-center sm:p-6"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={panelRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        tabIndex={-1}
        onKeyDown={trapTab}
        className="card flex w-full max-w-lg flex-col gap-5 focus:outline-none"
      >
        <h2 id={titleId} className="text-lg font-semibold break-words text-slate-900">
          {title}
        </h2>
        {children}
        <div className="flex justify-end">
          <button type="button" className="btn-secondary" onClick={onClose} data-dialog-close>
            Close
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
