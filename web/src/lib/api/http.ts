import type { z } from 'zod';
import { ApiError, NetworkError, ResponseShapeError, describeIssues, parseProblem } from './problem';

export interface RequestOptions {
  /** Error statuses whose body is still the answer (e.g. health's 503 lists what is down). */
  acceptStatuses?: readonly number[];
}

async function requestJson<T extends z.ZodType>(
  method: 'GET' | 'POST',
  path: string,
  schema: T,
  signal: AbortSignal | undefined,
  { acceptStatuses = [] }: RequestOptions,
): Promise<z.infer<T>> {
  const request = `${method} ${path}`;
  let response: Response;
  try {
    response = await fetch(path, { method, headers: { Accept: 'application/json' }, signal });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new NetworkError(request, cause);
  }
  const body = await response.text();
  if (!response.ok && !acceptStatuses.includes(response.status)) {
    throw new ApiError(response.status, parseProblem(body), request);
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new ResponseShapeError(request, 'body is not JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ResponseShapeError(request, describeIssues(parsed.error));
  }
  return parsed.data;
}

/** GETs JSON from the server and validates it; every REST read goes through here. */
export function getJson<T extends z.ZodType>(
  path: string,
  schema: T,
  signal?: AbortSignal,
  options: RequestOptions = {},
): Promise<z.infer<T>> {
  return requestJson('GET', path, schema, signal, options);
}

/** POSTs without a body (commands such as cancel) and validates the JSON answer. */
export function postJson<T extends z.ZodType>(path: string, schema: T, signal?: AbortSignal): Promise<z.infer<T>> {
  return requestJson('POST', path, schema, signal, {});
}
