import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RealtimeClient } from '../../lib/realtime/realtime-client';
import { stubFetch } from '../../test/fetch-stub';
import { renderApp } from '../../test/render';
import { withTestServer } from '../../test/ws-server';

let client: RealtimeClient;

withTestServer((_server, realtime) => {
  client = realtime;
});

const SECRET = 'syg_c2VjcmV0LXZhbHVlLW9mLXRoaXJ0eS10d28tYnl0ZXM';
const listed = { id: 7, name: 'nightly import', created_at: '2024-03-01T10:00:00Z', expires_at: '2024-03-31T10:00:00Z', last_used_at: null };

describe('AccountPage', () => {
  it('shows a new token once, then never again', async () => {
    let created = false;
    const { requests } = stubFetch({
      '/api/tokens': () => ({ body: created ? [listed] : [] }),
      'POST /api/tokens': () => {
        created = true;
        return { status: 201, body: { id: 7, name: 'nightly import', token: SECRET, created_at: listed.created_at, expires_at: listed.expires_at } };
      },
    });
    renderApp('/account', client);
    expect(await screen.findByTestId('tokens-empty')).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Token name'), 'nightly import');
    await userEvent.type(screen.getByLabelText('Expires after (days)'), '30');
    await userEvent.click(screen.getByRole('button', { name: 'Create token' }));

    const field = await screen.findByLabelText('New API token');
    expect(field).toHaveValue(SECRET);
    expect(field).toHaveAttribute('readonly');
    expect(screen.getByTestId('new-token')).toHaveTextContent('it will not be shown again');
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ name: 'nightly import', expires_in_days: 30 });
    const row = await screen.findByRole('row', { name: /nightly import/ });
    expect(within(row).getByText('Never used')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Done' }));

    expect(screen.queryByLabelText('New API token')).not.toBeInTheDocument();
    expect(screen.queryByDisplayValue(SECRET)).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(SECRET);
    expect(screen.getByRole('row', { name: /nightly import/ })).toBeInTheDocument();
  });

  it('creates a token that never expires when no expiry is given', async () => {
    const { requests } = stubFetch({
      '/api/tokens': { body: [] },
      'POST /api/tokens': { status: 201, body: { id: 8, name: 'ci', token: SECRET, created_at: listed.created_at, expires_at: null } },
    });
    renderApp('/account', client);

    await userEvent.type(await screen.findByLabelText('Token name'), 'ci');
    await userEvent.click(screen.getByRole('button', { name: 'Create token' }));

    await screen.findByLabelText('New API token');
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ name: 'ci' });
  });

  it('revokes a token', async () => {
    const { calls } = stubFetch({ '/api/tokens': { body: [listed] }, 'DELETE /api/tokens/7': { status: 204 } });
    renderApp('/account', client);

    await userEvent.click(await screen.findByRole('button', { name: 'Revoke token nightly import' }));

    await waitFor(() => expect(screen.queryByRole('row', { name: /nightly import/ })).not.toBeInTheDocument());
    expect(calls).toContain('DELETE /api/tokens/7');
  });
});
