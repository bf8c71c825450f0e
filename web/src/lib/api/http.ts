import type { z } from 'zod';
import { ApiError, NetworkError, ResponseShapeError, describeIssues, parseProblem } from './problem';

/** GETs JSON from the server and validates it; every REST read goes through here. */
export async function getJson<T extends z.ZodType>(path: string, schema: T, signal?: AbortSignal): Promise<z.infer<T>> {
  const request = `GET ${path}`;
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' }, signal });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new NetworkError(request, cause);
  }
  const body = await response.text();
  if (!response.ok) {
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
