import { z } from 'zod';
import { jobStatusSchema } from './job';
import { csrfHeaders } from './csrf';
import { ApiError, NetworkError, ResponseShapeError, describeIssues, parseProblem, parseRetryAfter } from './problem';
import { reportIfUnauthenticated } from './unauthenticated';

export const uploadAcceptedSchema = z.looseObject({
  job_id: z.string().min(1),
  status: jobStatusSchema,
  ws_url: z.string().optional(),
});

export type UploadAccepted = z.infer<typeof uploadAcceptedSchema>;

export interface UploadProgress {
  loaded: number;
  /** null when the browser cannot tell the request's total size. */
  total: number | null;
}

export interface UploadOptions {
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

export class UploadAbortedError extends Error {
  constructor(fileName: string) {
    super(`Upload of ${fileName} was cancelled`);
    this.name = 'UploadAbortedError';
  }
}

const REQUEST = 'POST /api/jobs';

/**
 * Uploads one file as a new job. Uses XMLHttpRequest rather than fetch because only XHR reports
 * upload progress. Rejects with ApiError (carrying the problem's `detail`) when the server refuses the file.
 */
export function uploadJob(file: File, options: UploadOptions = {}): Promise<UploadAccepted> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/jobs');
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries(csrfHeaders('POST'))) xhr.setRequestHeader(name, value);

    xhr.upload.onprogress = (event) => {
      options.onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : null });
    };
    xhr.onload = () => {
      const body = typeof xhr.responseText === 'string' ? xhr.responseText : '';
      if (xhr.status < 200 || xhr.status >= 300) {
        const error = new ApiError(xhr.status, parseProblem(body), REQUEST, parseRetryAfter(xhr.getResponseHeader('Retry-After')));
        reportIfUnauthenticated(error);
        reject(error);
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        reject(new ResponseShapeError(REQUEST, 'body is not JSON'));
        return;
      }
      const parsed = uploadAcceptedSchema.safeParse(json);
      if (parsed.success) resolve(parsed.data);
      else reject(new ResponseShapeError(REQUEST, describeIssues(parsed.error)));
    };
    xhr.onerror = () => reject(new NetworkError(REQUEST, new Error(`upload of ${file.name} failed`)));
    xhr.onabort = () => reject(new UploadAbortedError(file.name));

    if (options.signal) {
      if (options.signal.aborted) {
        reject(new UploadAbortedError(file.name));
        return;
      }
      options.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }

    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
