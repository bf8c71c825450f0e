import type { QueryClient } from '@tanstack/react-query';
import type { Job } from '../../lib/api/job';
import { jobKeys } from '../../lib/api/query-keys';
import type { JobEventMessage } from '../../lib/realtime/messages';

export const STORAGE_KEY = 'sygnify.notifications';

export type NotificationSupport = 'unsupported' | 'default' | 'granted' | 'denied';

export function notificationSupport(): NotificationSupport {
  if (typeof window === 'undefined' || !('Notification' in window)) return 'unsupported';
  return window.Notification.permission;
}

export function readOptIn(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

export function writeOptIn(on: boolean): void {
  try {
    if (on) window.localStorage.setItem(STORAGE_KEY, 'on');
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}

/** The job's file name from whatever the cache already holds, so a notification needs no request. */
export function cachedFileName(queryClient: QueryClient, jobId: string): string | null {
  const detail = queryClient.getQueryData<Job>(jobKeys.detail(jobId));
  if (detail) return detail.file_name;
  for (const [, page] of queryClient.getQueriesData<{ items: Job[] }>({ queryKey: jobKeys.lists() })) {
    const found = page?.items.find((job) => job.id === jobId);
    if (found) return found.file_name;
  }
  return null;
}

export interface JobNotice {
  title: string;
  body: string;
}

/** What to tell the reader about a finished job; null for events that do not end a job. */
export function noticeFor(event: JobEventMessage, fileName: string | null): JobNotice | null {
  const name = fileName ?? `Job ${event.job_id.slice(0, 8)}`;
  if (event.type === 'job_complete') return { title: `${name}: analysis complete`, body: 'The report is ready.' };
  if (event.type === 'job_error' && event.stage === 'cancelled') return { title: `${name}: cancelled`, body: event.message ?? 'The job was cancelled.' };
  if (event.type === 'job_error') return { title: `${name}: analysis failed`, body: event.message ?? 'The job failed.' };
  return null;
}
