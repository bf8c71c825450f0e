import type { z } from 'zod';
import { CSRF_COOKIE, CSRF_HEADER, csrfHeaders, readCookie } from './csrf';
import {
  ApiError,
  NetworkError,
  ResponseShapeError,
  describeIssues,
  parseProblem,
  parseRetryAfter,
} from './problem';
import { reportIfUnauthenticated } from './unauthenticated';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  /** Error statuses whose body is still the answer (e.g. health's 503 lists what is down). */
  acceptStatuses?: readonly number[];
}

interface HttpRequest extends RequestOptions {
  method: HttpMethod;
  path: string;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal | undefined;
}

async function send(request: HttpRequest): Promise<{ response: Response; body: string }> {
  const { method, path, body, signal } = request;
  const headers: Record<string, string> = { Accept: 'application/json', ...csrfHeaders(method) };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    const response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
    return { response, body: await response.text() };
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new NetworkError(`${method} ${path}`, cause);
  }
}

/** The server refused our CSRF token but has since set one we did not send (e.g. a first visit, or a rotation). */
function freshCsrfTokenArrived(response: Response, body: string, sent: string | undefined): boolean {
  if (response.status !== 403 || parseProblem(body)?.code !== 'csrf_token_invalid') return false;
  const current = readCookie(CSRF_COOKIE);
  return current !== null && current !== sent;
}

/** Sends the request and answers the body text, or throws ApiError (announcing a lost session on 401). */
async function request(options: HttpRequest): Promise<string> {
  const { method, path, acceptStatuses = [] } = options;
  const sentToken = csrfHeaders(method)[CSRF_HEADER];
  let { response, body } = await send(options);
  if (method !== 'GET' && freshCsrfTokenArrived(response, body, sentToken)) ({ response, body } = await send(options));

  if (!response.ok && !acceptStatuses.includes(response.status)) {
    const error = new ApiError(
      response.status,
      parseProblem(body),
      `${method} ${path}`,
      parseRetryAfter(response.headers.get('Retry-After')),
    );
    reportIfUnauthenticated(error);
    throw error;
  }
  return body;
}

function parseJson<T extends z.ZodType>(description: string, body: string, schema: T): z.infer<T> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new ResponseShapeError(description, 'body is not JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ResponseShapeError(description, describeIssues(parsed.error));
  }
  return parsed.data;
}

async function requestJson<T extends z.ZodType>(options: HttpRequest, schema: T): Promise<z.infer<T>> {
  const body = await request(options);
  return parseJson(`${options.method} ${options.path}`, body, schema);
}

/** GETs JSON from the server and validates it; every REST read goes through here. */
export function getJson<T extends z.ZodType>(
  path: string,
  schema: T,
  signal?: AbortSignal,
  options: RequestOptions = {},
): Promise<z.infer<T>> {
  return requestJson({ method: 'GET', path, signal, ...options }, schema);
}

/** POSTs (with a JSON body, or none for commands such as cancel) and validates the JSON answer. */
export function postJson<T extends z.ZodType>(
  path: string,
  schema: T,
  body?: unknown,
  signal?: AbortSignal,
): Promise<z.infer<T>> {
  return requestJson({ method: 'POST', path, body, signal }, schema);
}

/** PATCHes with a JSON body and validates the JSON answer. */
export function patchJson<T extends z.ZodType>(
  path: string,
  schema: T,
  body: unknown,
  signal?: AbortSignal,
): Promise<z.infer<T>> {
  return requestJson({ method: 'PATCH', path, body, signal }, schema);
}

/** POSTs a command whose answer has no body to read (e.g. sign-out's 204). */
export async function postCommand(path: string, body?: unknown, signal?: AbortSignal): Promise<void> {
  await request({ method: 'POST', path, body, signal });
}

/** DELETEs a resource; the server answers 204. */
export async function deleteRequest(path: string, signal?: AbortSignal): Promise<void> {
  await request({ method: 'DELETE', path, signal });
}
