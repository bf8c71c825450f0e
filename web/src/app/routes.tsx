import type { RouteObject } from 'react-router';
import { Link, Navigate, isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorState } from '../components/states';
import { RequireAdmin } from '../features/auth/RequireAdmin';
import { RequireSignIn } from '../features/auth/RequireSignIn';
import { SignInPage } from '../features/auth/SignInPage';
import { JobsPage } from '../features/jobs/list/JobsPage';
import { JobPage } from '../features/jobs/processing/JobPage';
import { UploadPage } from '../features/jobs/upload/UploadPage';
import { OpenShareLinkPage } from '../features/sharing/OpenShareLinkPage';
import { errorMessage } from '../lib/api/problem';
import { Layout } from './Layout';

function NotFoundPage() {
  return (
    <ErrorState testId="not-found" title="Page not found" message="There is nothing at this address.">
      <Link to="/" className="link">
        Go to upload
      </Link>
    </ErrorState>
  );
}

function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : errorMessage(error);
  return (
    <div className="mx-auto max-w-3xl p-8">
      <ErrorState title="Something went wrong" message={message} onRetry={() => window.location.reload()} />
    </div>
  );
}

/** Shared by the browser router and the tests' memory router. The server must answer these paths with index.html. */
export const routes: RouteObject[] = [
  { path: 'login', element: <SignInPage />, errorElement: <RouteError /> },
  {
    // Everything else needs a signed-in user (docs/security.md).
    element: <RequireSignIn />,
    errorElement: <RouteError />,
    children: [
      {
        element: <Layout />,
        children: [
          { index: true, element: <UploadPage /> },
          { path: 'jobs', element: <JobsPage /> },
          { path: 'jobs/:id', element: <JobPage /> },
          { path: 'shared/:token', element: <OpenShareLinkPage /> },
          // Loaded on first visit: pages most people open rarely stay out of the first page's JavaScript.
          { path: 'account', lazy: async () => ({ Component: (await import('../features/account/AccountPage')).default }) },
          {
            element: <RequireAdmin />,
            children: [
              { path: 'monitor', lazy: async () => ({ Component: (await import('../features/monitor/MonitorPage')).default }) },
              // the operations dashboard's other name, as the product it replaces called it
              { path: 'dashboard', element: <Navigate to="/monitor" replace /> },
              { path: 'admin/users', lazy: async () => ({ Component: (await import('../features/admin/UsersPage')).default }) },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
