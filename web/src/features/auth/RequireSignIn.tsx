import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState, LoadingState } from '../../components/states';
import { errorMessage } from '../../lib/api/problem';
import { currentUserQueryOptions, sessionKeys, type CurrentUser } from '../../lib/api/session';
import { onUnauthenticated } from '../../lib/api/unauthenticated';
import { useRealtimeClient } from '../../lib/realtime/context';
import { CLOSE_NOT_AUTHENTICATED, CLOSE_ROLE_CHANGED } from '../../lib/realtime/realtime-client';
import { signInPath } from './next-path';
import { SignedInUserContext } from './signed-in-user';

/**
 * Every page but /login needs a signed-in user. The session can end at any moment (it expires, the user signs
 * out in another tab, an administrator disables them): any REST answer 401 or a socket closed with 4401 marks the
 * reader signed out, and they are sent to sign in, with the page they were on to come back to.
 */
export function RequireSignIn() {
  const queryClient = useQueryClient();
  const realtime = useRealtimeClient();
  const location = useLocation();
  const me = useQuery(currentUserQueryOptions());

  useEffect(() => {
    const signedOut = () => queryClient.setQueryData<CurrentUser | null>(sessionKeys.me, null);
    const stopListening = onUnauthenticated(signedOut);
    const stopWatchingSocket = realtime.addConnectionStatusListener((status) => {
      if (status.state === 'offline' && status.closeCode === CLOSE_NOT_AUTHENTICATED) signedOut();
      // The server closes with 4001 when an administrator changed this user's role: show what it is now.
      if (status.state === 'reconnecting' && status.closeCode === CLOSE_ROLE_CHANGED) {
        void queryClient.invalidateQueries({ queryKey: sessionKeys.me });
      }
    });
    return () => {
      stopListening();
      stopWatchingSocket();
    };
  }, [queryClient, realtime]);

  if (me.data === null) return <Navigate to={signInPath(location)} replace />;
  if (me.data) {
    return (
      <SignedInUserContext.Provider value={me.data}>
        <Outlet />
      </SignedInUserContext.Provider>
    );
  }
  return (
    <main id="main" className="mx-auto w-full max-w-3xl px-4 py-8">
      {me.isError ? (
        <ErrorState
          testId="session-error"
          title="Sygnify could not check your sign-in"
          message={errorMessage(me.error)}
          onRetry={() => void me.refetch()}
        />
      ) : (
        <LoadingState>Checking your sign-in…</LoadingState>
      )}
    </main>
  );
}
