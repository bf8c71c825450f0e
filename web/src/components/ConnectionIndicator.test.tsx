import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { RealtimeProvider } from '../lib/realtime/context';
import type { RealtimeClient } from '../lib/realtime/realtime-client';
import { startTestServer, testClient, type TestServer } from '../test/ws-server';
import { ConnectionIndicator } from './ConnectionIndicator';

let servers: TestServer[] = [];
let clients: RealtimeClient[] = [];

afterEach(async () => {
  for (const client of clients) client.disconnect();
  await Promise.all(servers.map((server) => server.stop()));
  servers = [];
  clients = [];
});

async function server(): Promise<TestServer> {
  const started = await startTestServer();
  servers.push(started);
  return started;
}

function show(client: RealtimeClient) {
  clients.push(client);
  render(
    <RealtimeProvider client={client}>
      <ConnectionIndicator />
    </RealtimeProvider>,
  );
  return screen.getByTestId('connection-status');
}

describe('ConnectionIndicator', () => {
  it('shows Connected once the socket is open', async () => {
    const ws = await server();
    const status = show(testClient(ws.url));
    await waitFor(() => expect(status).toHaveTextContent(/^Connected$/));
    expect(screen.queryByRole('button', { name: /retry/i })).not.toBeInTheDocument();
  });

  it('counts down to the next attempt while reconnecting', async () => {
    const ws = await server();
    const status = show(testClient(ws.url, { initialBackoffMs: 5_000, maxBackoffMs: 30_000, random: () => 1 }));
    await waitFor(() => expect(status).toHaveTextContent('Connected'));

    ws.dropConnections();

    await waitFor(() => expect(status).toHaveTextContent(/^Reconnecting in 5s \(attempt 1\/5\)$/));
  });

  it('goes Offline after the last attempt and reconnects on Retry', async () => {
    const ws = await server();
    let url = ws.url;
    const status = show(testClient(() => url, { maxReconnectAttempts: 1 }));
    await waitFor(() => expect(status).toHaveTextContent('Connected'));

    await ws.stop();
    await waitFor(() => expect(status).toHaveTextContent(/^Offline$/));
    expect(status).toHaveAttribute('title', 'Live updates: Max reconnection attempts reached');

    url = (await server()).url;
    await userEvent.click(screen.getByRole('button', { name: /retry live connection/i }));
    await waitFor(() => expect(status).toHaveTextContent('Connected'));
  });
});
