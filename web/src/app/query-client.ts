import { QueryClient } from '@tanstack/react-query';
import { ApiError, ResponseShapeError } from '../lib/api/problem';

/** Client errors and unreadable answers will not change on retry; network blips and 5xx may. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  if (error instanceof ResponseShapeError) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 5_000 },
    },
  });
}
