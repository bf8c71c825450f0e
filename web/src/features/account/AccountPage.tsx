import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { CopyField } from '../../components/CopyField';
import { FormField } from '../../components/FormField';
import { ErrorState, LoadingState } from '../../components/states';
import {
  MAX_TOKEN_DAYS,
  apiTokenKeys,
  apiTokensQueryOptions,
  createApiToken,
  revokeApiToken,
  type ApiToken,
  type CreatedApiToken,
} from '../../lib/api/api-tokens';
import { errorMessage } from '../../lib/api/problem';
import { roleLabel } from '../../lib/api/session';
import { formatDateTime } from '../../lib/format';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useSignedInUser } from '../auth/signed-in-user';

function NewToken({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  return (
    <div data-testid="new-token" className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-4">
      <p className="font-semibold text-amber-900">Token “{token.name}” created</p>
      <CopyField label="New API token" value={token.token} copyLabel="Copy token" testId="new-token-value" />
      <p className="text-sm font-medium text-amber-900">
        Copy it now and keep it somewhere safe: it will not be shown again.
      </p>
      <p className="text-sm text-amber-900">
        Send it as <code className="font-mono">Authorization: Bearer …</code> from scripts.
      </p>
      <div>
        <button type="button" className="btn-secondary" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [days, setDays] = useState('');
  const create = useMutation({
    mutationFn: ({ tokenName, expiresInDays }: { tokenName: string; expiresInDays?: number }) =>
      createApiToken(tokenName, expiresInDays),
    onSuccess: (token) => {
      setName('');
      setDays('');
      onCreated(token);
      void queryClient.invalidateQueries({ queryKey: apiTokenKeys.all });
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const tokenName = name.trim();
    if (!tokenName) return;
    create.mutate(days.trim() === '' ? { tokenName } : { tokenName, expiresInDays: Number(days) });
  };

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label="Create token">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-[1fr_12rem]">
        <FormField label="Token name">
          {(field) => (
            <input
              {...field}
              value={name}
              onChange={(event) => setName(event.target.value)}
              required
              placeholder="e.g. nightly import"
              className="input"
            />
          )}
        </FormField>
        <FormField label="Expires after (days)" hint={<>Optional, 1–{MAX_TOKEN_DAYS}. Empty: never expires.</>}>
          {(field) => (
            <input
              {...field}
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_TOKEN_DAYS}
              step={1}
              value={days}
              onChange={(event) => setDays(event.target.value)}
              className="input"
            />
          )}
        </FormField>
      </div>
      {create.isError && (
        <p role="alert" data-testid="create-token-error" className="text-sm text-rose-800">
          {errorMessage(create.error)}
        </p>
      )}
      <div>
        <button type="submit" className="btn-primary" disabled={create.isPending}>
          Create token
        </button>
      </div>
    </form>
  );
}

function TokenRow({ token }: { token: ApiToken }) {
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => revokeApiToken(token.id),
    onSuccess: () => {
      queryClient.setQueryData<ApiToken[]>(apiTokenKeys.all, (old) => old?.filter((other) => other.id !== token.id));
    },
  });
  return (
    <tr data-testid="token-row">
      <th scope="row" className="min-w-36 px-3 py-2.5 text-left font-medium break-words text-slate-900">
        {token.name}
      </th>
      <td className="px-3 py-2.5 whitespace-nowrap text-slate-700">{formatDateTime(token.created_at)}</td>
      <td className="px-3 py-2.5 whitespace-nowrap text-slate-700">{token.expires_at ? formatDateTime(token.expires_at) : 'Never'}</td>
      <td className="px-3 py-2.5 whitespace-nowrap text-slate-700">{token.last_used_at ? formatDateTime(token.last_used_at) : 'Never used'}</td>
      <td className="px-3 py-2.5 text-right">
        <button
          type="button"
          className="btn-danger"
          aria-label={`Revoke token ${token.name}`}
          disabled={revoke.isPending}
          onClick={() => revoke.mutate()}
        >
          Revoke
        </button>
        {revoke.isError && (
          <p role="alert" className="mt-1 text-xs text-rose-800">
            {errorMessage(revoke.error)}
          </p>
        )}
      </td>
    </tr>
  );
}

function TokenList() {
  const tokens = useQuery(apiTokensQueryOptions());
  if (tokens.isPending) return <LoadingState>Loading your tokens…</LoadingState>;
  if (tokens.isError) {
    return (
      <ErrorState
        testId="tokens-error"
        title="Your tokens could not be loaded"
        message={errorMessage(tokens.error)}
        onRetry={() => void tokens.refetch()}
      />
    );
  }
  if (tokens.data.length === 0) return <p data-testid="tokens-empty" className="text-slate-700">You have no API tokens.</p>;
  return (
    <div className="overflow-x-auto" tabIndex={0} aria-label="API tokens table, scrollable">
      <table data-testid="token-list" className="min-w-full text-sm">
        <caption className="sr-only">Your API tokens</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-left">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold text-slate-700">Name</th>
            <th scope="col" className="px-3 py-2 font-semibold text-slate-700">Created</th>
            <th scope="col" className="px-3 py-2 font-semibold text-slate-700">Expires</th>
            <th scope="col" className="px-3 py-2 font-semibold text-slate-700">Last used</th>
            <th scope="col" className="px-3 py-2 text-right font-semibold text-slate-700">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {tokens.data.map((token) => (
            <TokenRow key={token.id} token={token} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The signed-in user's account: who they are and their personal API tokens. */
export default function AccountPage() {
  useDocumentTitle('Account');
  const user = useSignedInUser();
  // Shown once, right after creation; leaving the page or pressing Done forgets it.
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Account</h1>
        <p className="mt-1 text-slate-600">
          Signed in as <strong>{user.username}</strong> ({roleLabel(user.role)}).
        </p>
      </header>
      <section aria-labelledby="tokens-heading" className="card flex flex-col gap-5">
        <div>
          <h2 id="tokens-heading" className="text-lg font-semibold text-slate-900">
            API tokens
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            Scripts use a token instead of your password. It can do what you can; revoke it when it is no longer needed.
          </p>
        </div>
        <CreateTokenForm onCreated={setCreated} />
        <div aria-live="polite">{created && <NewToken token={created} onDone={() => setCreated(null)} />}</div>
        <TokenList />
      </section>
    </div>
  );
}
