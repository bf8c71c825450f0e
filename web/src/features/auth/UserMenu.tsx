import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../../lib/api/problem';
import { roleLabel, signOut } from '../../lib/api/session';
import { useRealtimeClient } from '../../lib/realtime/context';
import { SIGN_IN_PATH } from './next-path';
import { useSignedInUser } from './signed-in-user';

/** Who is signed in, a way to their account page, and out. */
export function UserMenu() {
  const user = useSignedInUser();
  const queryClient = useQueryClient();
  const realtime = useRealtimeClient();
  const navigate = useNavigate();

  const finish = async () => {
    realtime.disconnect();
    // Leave the guarded pages first, so clearing the cache does not make them fetch again.
    await navigate(SIGN_IN_PATH);
    queryClient.clear();
  };
  const signOutMutation = useMutation({
    mutationFn: signOut,
    onSuccess: finish,
    onError: (error) => {
      // No session left to end: the reader is signed out either way.
      if (error instanceof ApiError && error.status === 401) return finish();
    },
  });
  const failed = signOutMutation.isError && !(signOutMutation.error instanceof ApiError && signOutMutation.error.status === 401);

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="current-user">
      <span className="sr-only">Signed in as</span>
      <Link to="/account" className="link" title="Your account and API tokens" data-testid="current-user-name">
        {user.username}
      </Link>
      <span data-testid="current-user-role" className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
        {roleLabel(user.role)}
      </span>
      <button type="button" className="btn-secondary" onClick={() => signOutMutation.mutate()} disabled={signOutMutation.isPending}>
        Sign out
      </button>
      {failed && (
        <p role="alert" className="basis-full text-xs text-rose-800">
          Could not sign out: {errorMessage(signOutMutation.error)}
        </p>
      )}
    </div>
  );
}
