import type { ReactNode } from 'react';

export function LoadingState({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="flex items-center gap-2 py-8 text-slate-600">
      <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-slate-300 border-t-indigo-600" />
      {children}
    </p>
  );
}

export interface ErrorStateProps {
  title: string;
  message: string;
  onRetry?: () => void;
  children?: ReactNode;
  testId?: string;
}

export function ErrorState({ title, message, onRetry, children, testId }: ErrorStateProps) {
  return (
    <div role="alert" data-testid={testId} className="rounded-lg border border-rose-200 bg-rose-50 p-4 text-rose-900">
      <p className="font-semibold">{title}</p>
      <p className="mt-1 text-sm break-words">{message}</p>
      {(onRetry || children) && (
        <div className="mt-3 flex flex-wrap items-center gap-3">
          {onRetry && (
            <button type="button" onClick={onRetry} className="btn-secondary">
              Try again
            </button>
          )}
          {children}
        </div>
      )}
    </div>
  );
}
