import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { FormField } from '../../components/FormField';
import { ApiError, errorMessage } from '../../lib/api/problem';
import { sessionKeys, signIn, type CurrentUser } from '../../lib/api/session';
import { useRealtimeClient } from '../../lib/realtime/context';
import { useDocumentTitle } from '../../lib/use-document-title';
import { safeNextPath } from './next-path';

export function signInErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.code === 'invalid_credentials') return 'Wrong user name or password.';
  if (error instanceof ApiError && error.status === 429) {
    const seconds = error.retryAfterSeconds;
    return seconds === undefined
      ? 'Too many failed attempts. Try again later.'
      : `Too many failed attempts. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`;
  }
  return `Could not sign in: ${errorMessage(error)}`;
}

export function SignInPage() {
  useDocumentTitle('Sign in');
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const realtime = useRealtimeClient();
  const errorId = useId();
  const passwordRef = useRef<HTMLInputElement>(null);

  const signInMutation = useMutation({
    mutationFn: ({ username, password }: { username: string; password: string }) => signIn(username, password),
    onSuccess: (user) => {
      // Nothing read as someone else (or as nobody) may show through.
      queryClient.removeQueries();
      queryClient.setQueryData<CurrentUser | null>(sessionKeys.me, user);
      // The live connection was refused (4401) or belongs to the previous session: open it again as this user.
      realtime.restart();
      void navigate(next, { replace: true });
    },
    onError: () => passwordRef.current?.select(),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    signInMutation.mutate({ username: String(form.get('username') ?? '').trim(), password: String(form.get('password') ?? '') });
  };

  const failed = signInMutation.isError;
  return (
    <main id="main" className="flex min-h-screen items-start justify-center bg-slate-50 px-4 py-16 sm:items-center">
      <div className="card w-full max-w-sm">
        <p className="flex items-center gap-2 font-bold tracking-tight text-slate-900">
          <img src="/favicon.svg" alt="" className="size-7" />
          Sygnify
        </p>
        <h1 className="mt-4 text-xl font-bold tracking-tight text-slate-900">Sign in</h1>
        <form className="mt-4 flex flex-col gap-4" onSubmit={onSubmit} aria-describedby={failed ? errorId : undefined}>
          <FormField label="User name">
            {(field) => (
              <input
                {...field}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                autoFocus
                className="input"
              />
            )}
          </FormField>
          <FormField label="Password">
            {(field) => (
              <input
                {...field}
                ref={passwordRef}
                name="password"
                type="password"
                autoComplete="current-password"
                required
                className="input"
              />
            )}
          </FormField>
          {failed && (
            <p id={errorId} role="alert" data-testid="sign-in-error" className="text-sm text-rose-800">
              {signInErrorMessage(signInMutation.error)}
            </p>
          )}
          <button type="submit" className="btn-primary" disabled={signInMutation.isPending} aria-busy={signInMutation.isPending}>
            Sign in
          </button>
        </form>
      </div>
    </main>
  );
}
