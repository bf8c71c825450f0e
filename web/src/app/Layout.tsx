import { NavLink, Outlet } from 'react-router';
import { ConnectionIndicator } from '../components/ConnectionIndicator';
import { AccessRevokedNotice } from '../features/auth/AccessRevokedNotice';
import { useSignedInUser } from '../features/auth/signed-in-user';
import { UserMenu } from '../features/auth/UserMenu';
import { NotificationToggle } from '../features/notifications/NotificationToggle';
import { canUpload, isAdmin } from '../lib/api/session';

function navClass({ isActive }: { isActive: boolean }): string {
  return `rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${
    isActive ? 'bg-indigo-50 text-indigo-800' : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900'
  }`;
}

export function Layout() {
  const user = useSignedInUser();
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
          <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
            <NavLink to="/" className="flex items-center gap-2 rounded-md font-bold tracking-tight text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
              <img src="/favicon.svg" alt="" className="size-7" />
              Sygnify
            </NavLink>
            <nav aria-label="Main">
              <ul className="flex flex-wrap items-center gap-1">
                {canUpload(user) && (
                  <li>
                    <NavLink to="/" end className={navClass}>
                      Upload
                    </NavLink>
                  </li>
                )}
                <li>
                  <NavLink to="/jobs" className={navClass}>
                    Jobs
                  </NavLink>
                </li>
                {isAdmin(user) && (
                  <>
                    <li>
                      <NavLink to="/monitor" className={navClass}>
                        Real-Time Monitor
                      </NavLink>
                    </li>
                    <li>
                      <NavLink to="/admin/users" className={navClass}>
                        Users
                      </NavLink>
                    </li>
                  </>
                )}
              </ul>
            </nav>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <NotificationToggle />
            <ConnectionIndicator />
            <UserMenu />
          </div>
        </div>
      </header>
      <AccessRevokedNotice />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        <Outlet />
      </main>
    </div>
  );
}
