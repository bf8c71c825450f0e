import { useEffect, useMemo, useRef, useState } from 'react';
import { useRealtimeClient } from './context';
import { applyJobEvent, applyProtocolError, applyRevoked, emptyLiveState, type JobLiveState } from './job-live-state';
import type { JobEventMap } from './realtime-client';

export interface UseJobEventsOptions {
  /** Subscribe only while true; the state gathered so far is kept when it turns false. */
  enabled?: boolean;
  /** Ask the server to replay the job's earlier events (see SubscribeOptions.replay). */
  replay?: boolean;
  /** Longest wait before a burst of updates reaches React; completion and errors render at once. */
  throttleMs?: number;
}

/**
 * Live state of one job from the shared connection. Events are folded into a ref as they come and
 * handed to React at most every `throttleMs`, so a server streaming hundreds of updates a second
 * costs a few renders, not hundreds.
 */
export function useJobEvents(jobId: string | undefined, options: UseJobEventsOptions = {}): JobLiveState {
  const { enabled = true, replay = false, throttleMs = 100 } = options;
  const client = useRealtimeClient();
  const [state, setState] = useState<JobLiveState>(() => emptyLiveState(jobId ?? null));
  const accumulated = useRef<JobLiveState>(state);

  useEffect(() => {
    if (!jobId || !enabled) return;
    if (accumulated.current.jobId !== jobId) accumulated.current = emptyLiveState(jobId);

    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      setState(accumulated.current);
    };
    const later = () => {
      timer ??= setTimeout(flush, throttleMs);
    };

    // Another component may already hold this subscription; start from what it has seen.
    const latest = client.getLatestJobEvent(jobId);
    if (latest) {
      accumulated.current = applyJobEvent(accumulated.current, latest);
      flush();
    }

    const onUpdate = (event: JobEventMap['update']) => {
      accumulated.current = applyJobEvent(accumulated.current, event);
      later();
    };
    const onComplete = (event: JobEventMap['complete']) => {
      accumulated.current = applyJobEvent(accumulated.current, event);
      flush();
    };
    const onError = (event: JobEventMap['error']) => {
      accumulated.current =
        event.type === 'error' ? applyProtocolError(accumulated.current, event) : applyJobEvent(accumulated.current, event);
      flush();
    };
    const onRevoked = (message: JobEventMap['revoked']) => {
      accumulated.current = applyRevoked(accumulated.current, message.reason);
      flush();
    };

    const removers = [
      client.addJobEventListener(jobId, 'update', onUpdate),
      client.addJobEventListener(jobId, 'complete', onComplete),
      client.addJobEventListener(jobId, 'error', onError),
      client.addJobEventListener(jobId, 'revoked', onRevoked),
    ];
    client.subscribeToJob(jobId, { replay });

    return () => {
      for (const remove of removers) remove();
      client.unsubscribeFromJob(jobId);
      if (timer) flush();
    };
  }, [client, jobId, enabled, replay, throttleMs]);

  const current = jobId ?? null;
  return useMemo(() => (state.jobId === current ? state : emptyLiveState(current)), [state, current]);
}
