import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RealtimeClient } from '../../lib/realtime/realtime-client';
import { problemAnswer, stubFetch } from '../../test/fetch-stub';
import { user } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { withTestServer } from '../../test/ws-server';

let client: RealtimeClient;

withTestServer((_server, realtime) => {
  client = realtime;
});

const ada = { id: 1, username: 'ada', role: 'ADMIN', enabled: true, created_at: '2024-01-01T09:00:00Z' };
const bob = { id: 2, username: 'bob', role: 'ANALYST', enabled: true, created_at: '2024-02-01T09:00:00Z' };

function rowOf(username: string): HTMLElement {
  return screen.getByRole('row', { name: new RegExp(`^${username}`) });
}

describe('UsersPage', () => {
  it('changes a role with a PATCH and shows what the server answered', async () => {
    const { requests } = stubFetch({
      '/api/admin/users': { body: [ada, bob] },
      'PATCH /api/admin/users/2': { body: { ...bob, role: 'VIEWER' } },
    });
    renderApp('/admin/users', client);

    await userEvent.selectOptions(await screen.findByLabelText('Role of bob'), 'VIEWER');

    await waitFor(() => expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(1));
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch?.path).toBe('/api/admin/users/2');
    expect(patch?.body).toEqual({ role: 'VIEWER' });
    await waitFor(() => expect(screen.getByLabelText('Role of bob')).toHaveValue('VIEWER'));
  });

  it('disables a user', async () => {
    const { requests } = stubFetch({
      '/api/admin/users': { body: [ada, bob] },
      'PATCH /api/admin/users/2': { body: { ...bob, enabled: false } },
    });
    renderApp('/admin/users', client);

    await userEvent.click(await screen.findByRole('button', { name: 'Disable bob' }));

    await waitFor(() => expect(within(rowOf('bob')).getByTestId('user-enabled')).toHaveTextContent('Disabled'));
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ enabled: false });
    expect(screen.getByRole('button', { name: 'Enable bob' })).toBeInTheDocument();
  });

  it('keeps an administrator from demoting or disabling themselves', async () => {
    stubFetch({ '/api/admin/users': { body: [ada, bob] } });
    renderApp('/admin/users', client);

    expect(await screen.findByLabelText('Role of ada')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Disable ada' })).toBeDisabled();
  });

  it('creates a user, and shows the server’s reason when it refuses one', async () => {
    const carol = { id: 3, username: 'carol', role: 'VIEWER', enabled: true, created_at: '2024-04-01T09:00:00Z' };
    const users = [ada, bob];
    let attempts = 0;
    const { requests } = stubFetch({
      '/api/admin/users': () => ({ body: users }),
      'POST /api/admin/users': () => {
        attempts += 1;
        if (attempts === 1) return problemAnswer(409, 'username_taken', 'The user name carol is taken.');
        users.push(carol);
        return { status: 201, body: carol };
      },
    });
    renderApp('/admin/users', client);

    const form = await screen.findByRole('form', { name: 'Create user' });
    await userEvent.type(within(form).getByLabelText('User name'), 'carol');
    await userEvent.type(within(form).getByLabelText('Password'), 'long enough secret');
    await userEvent.selectOptions(within(form).getByLabelText('Role'), 'VIEWER');
    await userEvent.click(within(form).getByRole('button', { name: 'Create user' }));

    expect(await screen.findByTestId('create-user-error')).toHaveTextContent('The user name carol is taken.');
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ username: 'carol', password: 'long enough secret', role: 'VIEWER' });

    await userEvent.click(within(form).getByRole('button', { name: 'Create user' }));
    expect(await screen.findByLabelText('Role of carol')).toHaveValue('VIEWER');
  });

  it('shows a refused change inline', async () => {
    stubFetch({
      '/api/admin/users': { body: [ada, bob] },
      'PATCH /api/admin/users/2': problemAnswer(409, 'last_admin', 'At least one administrator must stay enabled.'),
    });
    renderApp('/admin/users', client);

    await userEvent.click(await screen.findByRole('button', { name: 'Disable bob' }));

    expect(await within(rowOf('bob')).findByTestId('user-error')).toHaveTextContent('At least one administrator must stay enabled.');
  });

  it('is for administrators only', async () => {
    const { calls } = stubFetch({ '/api/admin/users': { body: [ada, bob] } });
    renderApp('/admin/users', client, { user: user({ role: 'ANALYST', username: 'bob' }) });

    expect(await screen.findByRole('heading', { name: 'Administrators only' })).toBeInTheDocument();
    expect(calls).not.toContain('/api/admin/users');
  });
});
