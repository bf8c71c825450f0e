import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { FormField } from '../../components/FormField';
import { ErrorState, LoadingState } from '../../components/states';
import {
  MIN_PASSWORD_LENGTH,
  USERNAME_PATTERN,
  createUser,
  updateUser,
  userKeys,
  usersQueryOptions,
  type User,
  type UserChange,
} from '../../lib/api/admin-users';
import { errorMessage } from '../../lib/api/problem';
import { ROLES, ROLE_LABELS, roleLabel, type Role } from '../../lib/api/session';
import { formatDateTime } from '../../lib/format';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useSignedInUser } from '../auth/signed-in-user';

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

function CreateUserForm() {
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('ANALYST');
  const create = useMutation({
    mutationFn: createUser,
    onSuccess: (user) => {
      setUsername('');
      setPassword('');
      queryClient.setQueryData<User[]>(userKeys.all, (old) => old && [...old, user]);
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ username: username.trim(), password, role });
  };

  return (
    <form onSubmit={onSubmit} aria-label="Create user" className="flex flex-col gap-3">
      <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
        <FormField label="User name" hint="3–40 of a–z, 0–9, dot, underscore, hyphen.">
          {(field) => (
            <input
              {...field}
              value={username}
              onChange={(event) => setUsername(event.target.value)}
              required
              pattern={USERNAME_PATTERN}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              className="input"
            />
          )}
        </FormField>
        <FormField label="Password" hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}>
          {(field) => (
            <input
              {...field}
              type="password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              required
              minLength={MIN_PASSWORD_LENGTH}
              autoComplete="new-password"
              className="input"
            />
          )}
        </FormField>
        <FormField label="Role">
          {(field) => (
            <select
              {...field}
              value={role}
              onChange={(event) => isRole(event.target.value) && setRole(event.target.value)}
              className="input"
            >
              {ROLES.map((value) => (
                <option key={value} value={value}>
                  {ROLE_LABELS[value]}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      {create.isError && (
        <p role="alert" data-testid="create-user-error" className="text-sm text-rose-800">
          {errorMessage(create.error)}
        </p>
      )}
      {create.isSuccess && (
        <p role="status" className="text-sm text-emerald-800">
          Created {create.data.username}.
        </p>
      )}
      <div>
        <button type="submit" className="btn-primary" disabled={create.isPending}>
          Create user
        </button>
      </div>
    </form>
  );
}

function UserRow({ user, isSelf }: { user: User; isSelf: boolean }) {
  const queryClient = useQueryClient();
  const roleId = useId();
  const update = useMutation({
    mutationFn: (change: UserChange) => updateUser(user.id, change),
    onSuccess: (updated) => {
      queryClient.setQueryData<User[]>(userKeys.all, (old) => old?.map((other) => (other.id === updated.id ? updated : other)));
    },
  });
  // The server refuses both for oneself (409 self_change); saying so here beats a round trip.
  const selfNote = isSelf ? 'You cannot change your own role or disable yourself.' : undefined;

  return (
    <tr data-testid="user-row" data-username={user.username}>
      <th scope="row" className="min-w-28 px-3 py-2.5 text-left font-medium break-words text-slate-900">
        {user.username}
        {isSelf && <span className="ml-1 text-xs font-normal text-slate-600">(you)</span>}
      </th>
      <td className="px-3 py-2.5">
        <label htmlFor={roleId} className="sr-only">
          Role of {user.username}
        </label>
        <select
          id={roleId}
          value={user.role}
          disabled={isSelf || update.isPending}
          title={selfNote}
          onChange={(event) => isRole(event.target.value) && update.mutate({ role: event.target.value })}
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:bg-slate-100"
        >
          {!isRole(user.role) && <option value={user.role}>{roleLabel(user.role)}</option>}
          {ROLES.map((value) => (
            <option key={value} value={value}>
              {ROLE_LABELS[value]}
            </option>
          ))}
        </select>
      </td>
      <td className="px-3 py-2.5 whitespace-nowrap" data-testid="user-enabled">
        {user.enabled ? <span className="text-emerald-800">Enabled</span> : <span className="text-rose-800">Disabled</span>}
      </td>
      <td className="px-3 py-2.5 whitespace-nowrap text-slate-700">{formatDateTime(user.created_at)}</td>
      <td className="px-3 py-2.5 text-right">
        <button
          type="button"
          className={user.enabled ? 'btn-danger' : 'btn-secondary'}
          aria-label={`${user.enabled ? 'Disable' : 'Enable'} ${user.username}`}
          disabled={isSelf || update.isPending}
          title={selfNote}
          onClick={() => update.mutate({ enabled: !user.enabled })}
        >
          {user.enabled ? 'Disable' : 'Enable'}
        </button>
        {update.isError && (
          <p role="alert" data-testid="user-error" className="mt-1 text-left text-xs text-rose-800">
            {errorMessage(update.error)}
          </p>
        )}
      </td>
    </tr>
  );
}

function UserList() {
  const me = useSignedInUser();
  const users = useQuery(usersQueryOptions());
  if (users.isPending) return <LoadingState>Loading users…</LoadingState>;
  if (users.isError) {
    return (
      <ErrorState testId="users-error" title="The users could not be loaded" message={errorMessage(users.error)} onRetry={() => void users.refetch()} />
    );
  }
  return (
    <div className="overflow-x-auto" tabIndex={0} aria-label="Users table, scrollable">
      <table data-testid="user-list" className="min-w-full text-sm">
        <caption className="sr-only">Users</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-left">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold text-slate-700">User name</th>
            <th scope="col" className="px-3 py-2 font-semibold text-slate-700">Role</th>
            <th scope="col" className="px-3 py-2 font-semibold text-slate-700">Status</th>
            <th scope="col" className="px-3 py-2 font-semibold text-slate-700">Created</th>
            <th scope="col" className="px-3 py-2 text-right font-semibold text-slate-700">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.data.map((user) => (
            <UserRow key={user.id} user={user} isSelf={user.username === me.username} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Administrators manage accounts: create, change role, enable or disable. */
export default function UsersPage() {
  useDocumentTitle('Users');
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Users</h1>
        <p className="mt-1 text-slate-600">Disabling a user signs them out everywhere and closes their live connections.</p>
      </header>
      <section aria-labelledby="create-user-heading" className="card flex flex-col gap-4">
        <h2 id="create-user-heading" className="text-lg font-semibold text-slate-900">
          Create a user
        </h2>
        <CreateUserForm />
      </section>
      <section aria-labelledby="user-list-heading" className="card flex flex-col gap-4 p-0 pt-5">
        <h2 id="user-list-heading" className="px-5 text-lg font-semibold text-slate-900">
          All users
        </h2>
        <UserList />
      </section>
    </div>
  );
}
