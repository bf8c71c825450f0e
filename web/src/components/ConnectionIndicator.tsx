import { useEffect, useState } from 'react';
import { useRealtimeClient } from '../lib/realtime/context';
import type { ConnectionStatus } from '../lib/realtime/realtime-client';
import { useConnectionStatus } from '../lib/realtime/use-connection-status';

const DOT: Record<ConnectionStatus['state'], string> = {
  connected: 'bg-emerald-500',
  connecting: 'bg-amber-400 animate-pulse',
  reconnecting: 'bg-amber-500 animate-pulse',
  offline: 'bg-rose-500',
};

function useSecondsUntil(retryAt: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (retryAt === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [retryAt]);
  return retryAt === null ? 0 : Math.max(0, Math.ceil((retryAt - now) / 1000));
}

function label(status: ConnectionStatus, seconds: number): string {
  switch (status.state) {
    case 'connected':
      return 'Connected';
    case 'connecting':
      return status.attempt > 0 ? `Reconnecting (attempt ${status.attempt}/${status.maxAttempts})` : 'Connecting…';
    case 'reconnecting':
      return `Reconnecting in ${seconds}s (attempt ${status.attempt}/${status.maxAttempts})`;
    case 'offline':
      return 'Offline';
  }
}

/** Live-update connection state, with a way out when the client has given up. */
export function ConnectionIndicator() {
  const client = useRealtimeClient();
  const status = useConnectionStatus();
  const seconds = useSecondsUntil(status.state === 'reconnecting' ? status.retryAt : null);
  const reason = status.state === 'offline' ? status.reason : undefined;

  return (
    <div className="flex items-center gap-2 text-sm">
      <span aria-hidden="true" className={`inline-block size-2.5 shrink-0 rounded-full ${DOT[status.state]}`} />
      <span
        role="status"
        aria-live="polite"
        data-testid="connection-status"
        data-state={status.state}
        title={reason ? `Live updates: ${reason}` : 'Live updates'}
        className="whitespace-nowrap text-slate-700"
      >
        {label(status, seconds)}
      </span>
      {status.state === 'offline' && (
        <button
          type="button"
          onClick={() => client.retry()}
          aria-label={`Retry live connection${reason ? ` (${reason})` : ''}`}
          className="rounded-md border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          Retry
        </button>
      )}
    </div>
  );
}
