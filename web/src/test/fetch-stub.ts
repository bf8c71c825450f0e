import { vi } from 'vitest';

type Answer = { status?: number; body?: unknown; headers?: Record<string, string> };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** The JSON body, parsed; undefined when none was sent. */
  body: unknown;
}

/**
 * Replaces fetch with fixed answers by path (query string included), or by `METHOD path` when the method
 * matters; anything else is a 404 problem. `calls` records GETs as the path and other methods as `METHOD path`;
 * `requests` records each request with its headers and body. A 204 answer has no body.
 */
export function stubFetch(answers: Record<string, Answer | (() => Answer)>) {
  const calls: string[] = [];
  const requests: RecordedRequest[] = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = typeof input === 'string' ? input : input instanceof URL ? input.pathname + input.search : input.url;
    const method = (init?.method ?? 'GET').toUpperCase();
    calls.push(method === 'GET' ? path : `${method} ${path}`);
    requests.push({
      method,
      path,
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    const entry = answers[`${method} ${path}`] ?? answers[path];
    const answer = typeof entry === 'function' ? entry() : entry;
    if (!answer) {
      return problem(404, 'job_not_found', `No answer stubbed for ${path}`);
    }
    const status = answer.status ?? 200;
    const headers = { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...answer.headers };
    return new Response(status === 204 ? null : JSON.stringify(answer.body), { status, headers });
  });
  vi.stubGlobal('fetch', fetchStub);
  return { calls, requests };
}

/** A problem-details answer, as the server shapes every error. */
export function problemAnswer(status: number, code: string, detail: string, headers?: Record<string, string>): Answer {
  return { status, body: { type: 'about:blank', status, detail, code }, ...(headers ? { headers } : {}) };
}

function problem(status: number, code: string, detail: string): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title: 'Not Found', status, detail, code }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}
