import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { AppProviders } from '../app/AppProviders';
import { routes } from '../app/routes';
import { sessionKeys, type CurrentUser } from '../lib/api/session';
import type { RealtimeClient } from '../lib/realtime/realtime-client';
import { signedInUser } from './fixtures';

export interface RenderAppOptions {
  /**
   * Who is signed in, known up front so pages render at once. null: nobody is known and the app asks
   * GET /api/auth/me like it does in the browser (stub it).
   */
  user?: CurrentUser | null;
}

/** Renders the real app routes at `path`, with the given realtime client and a fresh query cache. */
export function renderApp(path: string, realtimeClient: RealtimeClient, { user = signedInUser }: RenderAppOptions = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  if (user) {
    queryClient.setQueryDefaults(sessionKeys.me, { staleTime: Infinity });
    queryClient.setQueryData(sessionKeys.me, user);
  }
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const view = render(
    <AppProviders queryClient={queryClient} realtimeClient={realtimeClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, router, queryClient };
}
