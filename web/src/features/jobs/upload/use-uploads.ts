import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../../lib/api/problem';
import { jobKeys } from '../../../lib/api/query-keys';
import { UploadAbortedError, uploadJob, type UploadProgress } from '../../../lib/api/upload-job';

export type UploadState =
  | { phase: 'uploading'; progress: UploadProgress }
  | { phase: 'accepted'; jobId: string }
  | { phase: 'failed'; message: string; code: string | null }
  | { phase: 'cancelled' };

export interface UploadItem {
  key: string;
  fileName: string;
  sizeBytes: number;
  state: UploadState;
}

export interface UseUploadsOptions {
  /** Called when a batch of exactly one file was accepted: the page then follows that job. */
  onSingleAccepted?: (jobId: string) => void;
}

/** One upload (and so one job) per file, all in flight together, each with its own progress. */
export function useUploads({ onSingleAccepted }: UseUploadsOptions = {}) {
  const queryClient = useQueryClient();
  const [items, setItems] = useState<UploadItem[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  const nextKey = useRef(0);
  const mounted = useRef(true);
  const onSingle = useRef(onSingleAccepted);
  onSingle.current = onSingleAccepted;

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const update = useCallback((key: string, state: UploadState) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, state } : item)));
  }, []);

  const upload = useCallback(
    (files: File[]) => {
      if (files.length === 0) return;
      const batch = files.map((file) => ({ key: `upload-${nextKey.current++}`, file }));
      setItems((current) => [
        ...batch.map(({ key, file }) => ({
          key,
          fileName: file.name,
          sizeBytes: file.size,
          state: { phase: 'uploading', progress: { loaded: 0, total: file.size || null } } as const,
        })),
        ...current,
      ]);

      for (const { key, file } of batch) {
        const controller = new AbortController();
        controllers.current.set(key, controller);
        uploadJob(file, {
          signal: controller.signal,
          onProgress: (progress) => update(key, { phase: 'uploading', progress }),
        })
          .then((accepted) => {
            update(key, { phase: 'accepted', jobId: accepted.job_id });
            void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
            if (batch.length === 1 && mounted.current) onSingle.current?.(accepted.job_id);
          })
          .catch((error: unknown) => {
            if (error instanceof UploadAbortedError) update(key, { phase: 'cancelled' });
            else
              update(key, {
                phase: 'failed',
                message: errorMessage(error),
                code: error instanceof ApiError ? (error.code ?? null) : null,
              });
          })
          .finally(() => controllers.current.delete(key));
      }
    },
    [queryClient, update],
  );

  const cancel = useCallback((key: string) => controllers.current.get(key)?.abort(), []);

  const clearFinished = useCallback(() => {
    setItems((current) => current.filter((item) => item.state.phase === 'uploading'));
  }, []);

  return { items, upload, cancel, clearFinished };
}
