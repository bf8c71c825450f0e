import { Link, Outlet } from 'react-router';
import { isAdmin, roleLabel } from '../../lib/api/session';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useSignedInUser } from './signed-in-user';

function AdministratorsOnly() {
  const user = useSignedInUser();
  useDocumentTitle('Administrators only');
  return (
    <section data-testid="administrators-only" className="card mx-auto flex max-w-xl flex-col gap-2">
      <h1 className="text-xl font-bold tracking-tight text-slate-900">Administrators only</h1>
      <p className="text-slate-700">
        This page is for administrators. You are signed in as <strong>{user.username}</strong> ({roleLabel(user.role)}).
      </p>
      <p>
        <Link to="/jobs" className="link">
          Go to your jobs
        </Link>
      </p>
    </section>
  );
}

/** Pages below need the ADMIN role; the server refuses the data anyway, this says why instead of failing. */
export function RequireAdmin() {
  const user = useSignedInUser();
  return isAdmin(user) ? <Outlet /> : <AdministratorsOnly />;
}
