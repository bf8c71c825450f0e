import { render, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, testClient, type TestServer } from '../../test/ws-server';
import { RealtimeProvider } from './context';
import type { RealtimeClient } from './realtime-client';

let ws: TestServer;
let client: RealtimeClient;

beforeEach(async () => {
  ws = await startTestServer();
  client = testClient(ws.url, { maxReconnectAttempts: 0 });
});

afterEach(async () => {
  client.disconnect();
  await ws.stop();
});

async function connectedThenClosed(code: number) {
  render(<RealtimeProvider client={client}>{null}</RealtimeProvider>);
  await waitFor(() => expect(client.getConnectionStatus().state).toBe('connected'));
  ws.connections[0]?.close(code, 'closed by the test');
  await waitFor(() => expect(client.getConnectionStatus().state).toBe('offline'));
}

describe('RealtimeProvider', () => {
  it('tries again when the browser comes back online after the client gave up', async () => {
    await connectedThenClosed(1011);

    window.dispatchEvent(new Event('online'));

    await waitFor(() => expect(ws.connections).toHaveLength(2));
  });

  it('does not when the server refused the credentials (4401)', async () => {
    await connectedThenClosed(4401);

    window.dispatchEvent(new Event('online'));

    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ws.connections).toHaveLength(1);
  });
});
