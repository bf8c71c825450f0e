import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { CopyField } from '../../components/CopyField';
import { Dialog } from '../../components/Dialog';
import { ErrorState, LoadingState } from '../../components/states';
import {
  createShareLink,
  jobSharesQueryOptions,
  revokeShareLink,
  shareJobWithUser,
  shareLinkAddress,
  unshareJob,
  type CreatedShareLink,
  type JobShares,
} from '../../lib/api/job-shares';
import { errorMessage } from '../../lib/api/problem';
import { jobKeys } from '../../lib/api/query-keys';
import { formatDateTime } from '../../lib/format';

function useUpdateShares(jobId: string) {
  const queryClient = useQueryClient();
  return (change: (shares: JobShares) => JobShares) =>
    queryClient.setQueryData<JobShares>(jobKeys.shares(jobId), (old) => old && change(old));
}

function People({ jobId, shares }: { jobId: string; shares: JobShares }) {
  const headingId = useId();
  const inputId = useId();
  const [username, setUsername] = useState('');
  const update = useUpdateShares(jobId);
  const add = useMutation({
    mutationFn: (name: string) => shareJobWithUser(jobId, name),
    onSuccess: (share) => {
      setUsername('');
      update((old) => ({ ...old, users: [...old.users.filter((user) => user.username !== share.username), share] }));
    },
  });
  const remove = useMutation({
    mutationFn: (name: string) => unshareJob(jobId, name),
    onSuccess: (_, name) => update((old) => ({ ...old, users: old.users.filter((user) => user.username !== name) })),
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const name = username.trim();
    if (name) add.mutate(name);
  };

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <h3 id={headingId} className="font-semibold text-slate-900">
        People
      </h3>
      <form onSubmit={onSubmit} className="flex flex-col gap-1">
        <label htmlFor={inputId} className="text-sm font-medium text-slate-700">
          User name
        </label>
        <div className="flex flex-wrap gap-2 sm:flex-nowrap">
          <input
            id={inputId}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            // The dialog opens before the list has loaded; this is its first control.
            autoFocus
            className="input flex-1"
          />
          <button type="submit" className="btn-primary shrink-0" disabled={add.isPending}>
            Add person
          </button>
        </div>
      </form>
      {add.isError && (
        <p role="alert" data-testid="share-user-error" className="text-sm text-rose-800">
          {errorMessage(add.error)}
        </p>
      )}
      {remove.isError && (
        <p role="alert" className="text-sm text-rose-800">
          Could not remove {remove.variables}: {errorMessage(remove.error)}
        </p>
      )}
      {shares.users.length === 0 ? (
        <p className="text-sm text-slate-600">Not shared with anyone yet.</p>
      ) : (
        <ul aria-label="People with access" data-testid="shared-users" className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {shares.users.map((user) => (
            <li key={user.username} data-testid="shared-user" className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
              <span className="min-w-0 break-all">
                <span className="font-medium text-slate-900">{user.username}</span>
                <span className="ml-2 text-xs text-slate-600">since {formatDateTime(user.created_at)}</span>
              </span>
              <button
                type="button"
                className="btn-secondary"
                aria-label={`Remove ${user.username}`}
                disabled={remove.isPending && remove.variables === user.username}
                onClick={() => remove.mutate(user.username)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Links({ jobId, shares }: { jobId: string; shares: JobShares }) {
  const headingId = useId();
  const update = useUpdateShares(jobId);
  // The token is shown once: it lives in this state only, gone when the dialog closes.
  const [created, setCreated] = useState<CreatedShareLink | null>(null);
  const create = useMutation({
    mutationFn: () => createShareLink(jobId),
    onSuccess: (link) => {
      setCreated(link);
      update((old) => ({ ...old, links: [...old.links, { id: link.id, created_at: link.created_at }] }));
    },
  });
  const revoke = useMutation({
    mutationFn: (linkId: string) => revokeShareLink(jobId, linkId),
    onSuccess: (_, linkId) => {
      if (created?.id === linkId) setCreated(null);
      update((old) => ({ ...old, links: old.links.filter((link) => link.id !== linkId) }));
    },
  });

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <h3 id={headingId} className="font-semibold text-slate-900">
        Links
      </h3>
      <p className="text-sm text-slate-600">
        Anyone with a Sygnify account who opens a link can read this job until you revoke the link.
      </p>
      <div>
        <button type="button" className="btn-secondary" onClick={() => create.mutate()} disabled={create.isPending}>
          Create share link
        </button>
      </div>
      {create.isError && (
        <p role="alert" className="text-sm text-rose-800">
          Could not create a link: {errorMessage(create.error)}
        </p>
      )}
      <div aria-live="polite">
        {created && (
          <div data-testid="new-share-link" className="flex flex-col gap-1 rounded-md border border-amber-300 bg-amber-50 p-3">
            <CopyField label="New share link" value={shareLinkAddress(created.token)} copyLabel="Copy link" testId="new-share-link-url" />
            <p className="text-sm font-medium text-amber-900">Copy this link now: it will not be shown again.</p>
          </div>
        )}
      </div>
      {revoke.isError && (
        <p role="alert" className="text-sm text-rose-800">
          Could not revoke the link: {errorMessage(revoke.error)}
        </p>
      )}
      {shares.links.length === 0 ? (
        <p className="text-sm text-slate-600">No links.</p>
      ) : (
        <ul aria-label="Share links" data-testid="share-links" className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {shares.links.map((link) => {
            const createdAt = formatDateTime(link.created_at);
            return (
              <li key={link.id} data-testid="share-link" className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                <span className="min-w-0 text-sm break-all text-slate-800">
                  Link created {createdAt}
                  {link.url && <span className="block font-mono text-xs text-slate-600">{new URL(link.url, window.location.origin).href}</span>}
                </span>
                <button
                  type="button"
                  className="btn-danger"
                  aria-label={`Revoke link created ${createdAt}`}
                  disabled={revoke.isPending && revoke.variables === link.id}
                  onClick={() => revoke.mutate(link.id)}
                >
                  Revoke
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** The owner's sharing controls: people by user name, and read-only links. */
export function ShareDialog({ jobId, fileName, onClose }: { jobId: string; fileName: string; onClose: () => void }) {
  const shares = useQuery(jobSharesQueryOptions(jobId));
  return (
    <Dialog title="Share this job" onClose={onClose} testId="share-dialog">
      <p className="-mt-3 text-sm break-all text-slate-600">
        {fileName}: people you share it with can read it (progress, report, downloads) but not cancel or share it.
      </p>
      {shares.isPending ? (
        <LoadingState>Loading who has access…</LoadingState>
      ) : shares.isError ? (
        <ErrorState title="Could not load who has access" message={errorMessage(shares.error)} onRetry={() => void shares.refetch()} />
      ) : (
        <>
          <People jobId={jobId} shares={shares.data} />
          <Links jobId={jobId} shares={shares.data} />
        </>
      )}
    </Dialog>
  );
}
