import { z } from 'zod';

/** RFC 9457 problem details, as every server error is shaped. `code` is the stable field to switch on. */
export const problemSchema = z.looseObject({
  type: z.string().optional(),
  title: z.string().optional(),
  status: z.number().int().optional(),
  detail: z.string().optional(),
  code: z.string().optional(),
});

export type Problem = z.infer<typeof problemSchema>;

/** An HTTP error answer from the server, carrying its problem details when it sent any. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly problem: Problem | undefined;
  /** From the `Retry-After` header of a 429 or 503, when the server sent one. */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, problem: Problem | undefined, request: string, retryAfterSeconds?: number) {
    super(problem?.detail ?? problem?.title ?? `${request} failed with HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem?.code;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3); anything else is ignored. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** The server answered 2xx, but not with the shape this client was built against. */
export class ResponseShapeError extends Error {
  constructor(request: string, issues: string) {
    super(`Unexpected response from ${request}: ${issues}`);
    this.name = 'ResponseShapeError';
  }
}

/** The request never got an answer (server down, proxy gone, offline). */
export class NetworkError extends Error {
  constructor(request: string, cause: unknown) {
    super(`Could not reach the server (${request}): ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'NetworkError';
  }
}

/** Reads a problem body if there is one; a proxy's HTML error page yields undefined, not an exception. */
export function parseProblem(body: string): Problem | undefined {
  if (!body) return undefined;
  try {
    const parsed = problemSchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
