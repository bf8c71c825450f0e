import { vi } from 'vitest';

type Answer = { status?: number; body: unknown };

/**
 * Replaces fetch with fixed answers by path (query string included), or by `METHOD path` when the method
 * matters; anything else is a 404 problem. `calls` records GETs as the path and other methods as `METHOD path`.
 */
export function stubFetch(answers: Record<string, Answer | (() => Answer)>) {
  const calls: string[] = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = typeof input === 'string' ? input : input instanceof URL ? input.pathname + input.search : input.url;
    const method = (init?.method ?? 'GET').toUpperCase();
    calls.push(method === 'GET' ? path : `${method} ${path}`);
    const entry = answers[`${method} ${path}`] ?? answers[path];
    const answer = typeof entry === 'function' ? entry() : entry;
    if (!answer) {
      return problem(404, 'job_not_found', `No answer stubbed for ${path}`);
    }
    const status = answer.status ?? 200;
    return new Response(JSON.stringify(answer.body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchStub);
  return { calls };
}

function problem(status: number, code: string, detail: string): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title: 'Not Found', status, detail, code }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}
