import { formatSeconds } from '../../../lib/format';
import { STATUS_LABELS } from '../status-labels';
import type { StageState, TimelineItem } from './timeline';

const STATE_TEXT: Record<StageState, string> = {
  pending: 'Pending',
  active: 'In progress',
  done: 'Done',
  failed: 'Stopped',
};

function StageIcon({ state }: { state: StageState }) {
  const base = 'flex size-7 shrink-0 items-center justify-center rounded-full ring-2';
  switch (state) {
    case 'done':
      return (
        <span aria-hidden="true" className={`${base} bg-emerald-600 text-white ring-emerald-600`}>
          <svg viewBox="0 0 20 20" className="size-4" fill="currentColor">
            <path d="M16.7 5.3a1 1 0 010 1.4l-8 8a1 1 0 01-1.4 0l-4-4a1 1 0 111.4-1.4L8 12.6l7.3-7.3a1 1 0 011.4 0z" />
          </svg>
        </span>
      );
    case 'active':
      return (
        <span aria-hidden="true" className={`${base} bg-white ring-indigo-600`}>
          <span className="size-3 animate-pulse rounded-full bg-indigo-600" />
        </span>
      );
    case 'failed':
      return (
        <span aria-hidden="true" className={`${base} bg-rose-600 text-white ring-rose-600`}>
          <svg viewBox="0 0 20 20" className="size-4" fill="currentColor">
            <path d="M5.3 5.3a1 1 0 011.4 0L10 8.6l3.3-3.3a1 1 0 111.4 1.4L11.4 10l3.3 3.3a1 1 0 01-1.4 1.4L10 11.4l-3.3 3.3a1 1 0 01-1.4-1.4L8.6 10 5.3 6.7a1 1 0 010-1.4z" />
          </svg>
        </span>
      );
    case 'pending':
      return <span aria-hidden="true" className={`${base} bg-white ring-slate-300`} />;
  }
}

function StageEntry({ item, last }: { item: TimelineItem; last: boolean }) {
  const latest = item.messages.at(-1);
  return (
    <li
      data-testid={`stage-${item.stage}`}
      data-state={item.state}
      aria-current={item.state === 'active' ? 'step' : undefined}
      className="relative flex gap-3 pb-5 last:pb-0"
    >
      {!last && <span aria-hidden="true" className="absolute top-8 left-3.5 h-[calc(100%-2rem)] w-0.5 -translate-x-1/2 bg-slate-200" />}
      <StageIcon state={item.state} />
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-baseline gap-x-3">
          <span className={`font-medium ${item.state === 'pending' ? 'text-slate-500' : 'text-slate-900'}`}>
            {STATUS_LABELS[item.stage]}
          </span>
          <span className="text-xs text-slate-600">
            <span className="sr-only">Status: </span>
            {STATE_TEXT[item.state]}
          </span>
          {item.durationSeconds !== null && (
            <span data-testid="stage-duration" className="text-xs tabular-nums text-slate-600">
              {formatSeconds(item.durationSeconds)}
              {item.state === 'active' && ' so far'}
            </span>
          )}
        </div>
        {latest !== undefined && <p className="mt-0.5 text-sm break-words text-slate-700">{latest}</p>}
        {item.messages.length > 1 && (
          <details className="mt-1 text-sm text-slate-600">
            <summary className="cursor-pointer rounded-sm select-none focus-visible:outline-2 focus-visible:outline-indigo-600">
              {item.messages.length} messages
            </summary>
            <ol className="mt-1 max-h-48 list-decimal space-y-0.5 overflow-y-auto pl-6">
              {item.messages.map((message, index) => (
                <li key={index}>{message}</li>
              ))}
            </ol>
          </details>
        )}
      </div>
    </li>
  );
}

export function StageTimeline({ items }: { items: TimelineItem[] }) {
  return (
    <ol aria-label="Analysis stages" data-testid="stage-timeline" className="flex flex-col">
      {items.map((item, index) => (
        <StageEntry key={item.stage} item={item} last={index === items.length - 1} />
      ))}
    </ol>
  );
}
