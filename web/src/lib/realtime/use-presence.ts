import { useCallback, useSyncExternalStore } from 'react';
import { useRealtimeClient } from './context';
import type { Viewer } from './messages';

const NOBODY: readonly Viewer[] = Object.freeze([]);

/**
 * The signed-in people watching a job (the reader included), from the server's `presence` messages. Known only
 * while some component holds a subscription to the job (e.g. useJobEvents); empty otherwise.
 */
export function usePresence(jobId: string | undefined): readonly Viewer[] {
  const client = useRealtimeClient();
  const subscribe = useCallback(
    (onChange: () => void) => (jobId ? client.addPresenceListener(jobId, onChange) : () => {}),
    [client, jobId],
  );
  const getSnapshot = useCallback(() => (jobId ? client.getPresence(jobId) : NOBODY), [client, jobId]);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
