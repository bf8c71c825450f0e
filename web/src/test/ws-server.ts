import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, vi } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import { RealtimeClient, type RealtimeClientOptions } from '../lib/realtime/realtime-client';

export interface Received {
  connection: number;
  message: Record<string, unknown>;
}

/** A real WebSocket server on a free loopback port, recording what clients send. */
export interface TestServer {
  url: string;
  port: number;
  received: Received[];
  /** Connections in the order they were accepted; closed ones stay in the list. */
  connections: NodeWebSocket[];
  /** Sends JSON to the newest open connection. */
  send(message: unknown): void;
  /** Runs for every message a client sends, after it is recorded. */
  onMessage(handler: (message: Record<string, unknown>, socket: NodeWebSocket) => void): void;
  /** Closes every client connection from the server side; the server keeps listening. */
  dropConnections(): void;
  stop(): Promise<void>;
}

export async function startTestServer(port = 0, { welcome = true } = {}): Promise<TestServer> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  const actualPort = (wss.address() as AddressInfo).port;
  const received: Received[] = [];
  const connections: NodeWebSocket[] = [];
  const handlers: Array<(message: Record<string, unknown>, socket: NodeWebSocket) => void> = [];

  wss.on('connection', (socket) => {
    const index = connections.push(socket) - 1;
    // Like Sygnify's server, the first message says it is ready to read (docs/protocol.md, "Connecting").
    if (welcome) socket.send(JSON.stringify({ type: 'welcome', protocol_version: '1.6', username: 'test', heartbeat_interval_seconds: 30 }));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as Record<string, unknown>;
      received.push({ connection: index, message });
      for (const handler of handlers) handler(message, socket);
    });
  });

  const open = () => connections.filter((socket) => socket.readyState === NodeWebSocket.OPEN);

  return {
    url: `ws://127.0.0.1:${actualPort}/ws`,
    port: actualPort,
    received,
    connections,
    send(message) {
      const socket = open().at(-1);
      if (!socket) throw new Error(`no open connection to send ${JSON.stringify(message)} to`);
      socket.send(JSON.stringify(message));
    },
    onMessage(handler) {
      handlers.push(handler);
    },
    dropConnections() {
      for (const socket of open()) socket.close(1012, 'test restart');
    },
    stop() {
      for (const socket of connections) socket.terminate();
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}

/** A RealtimeClient speaking to the test server through the `ws` package, with test-sized timings. */
export function testClient(url: string | (() => string), options: Partial<RealtimeClientOptions> = {}): RealtimeClient {
  return new RealtimeClient({
    url,
    // `ws` implements the browser WebSocket surface the client uses (on* handlers, send, close, readyState).
    createSocket: (target) => new NodeWebSocket(target) as unknown as WebSocket,
    initialBackoffMs: 10,
    maxBackoffMs: 40,
    heartbeatIntervalMs: 60_000,
    ...options,
  });
}

export function messagesOfType(server: TestServer, type: string): Received[] {
  return server.received.filter((entry) => entry.message.type === type);
}

/** Waits until the server has received a message matching the predicate. */
export async function serverReceives(
  server: TestServer,
  predicate: (message: Record<string, unknown>) => boolean,
): Promise<Received> {
  return vi.waitFor(
    () => {
      const found = server.received.find((entry) => predicate(entry.message));
      if (!found) throw new Error(`server has not received it yet; got ${JSON.stringify(server.received.map((r) => r.message))}`);
      return found;
    },
    { timeout: 5_000, interval: 5 },
  );
}

export function jobUpdate(jobId: string, seq: number, stage: string, progress: number, message: string) {
  return { type: 'job_update', job_id: jobId, seq, stage, progress, message, timestamp: 1_700_000_000 + seq };
}

/**
 * A test server and a realtime client of it, fresh for each test of the enclosing file or describe block;
 * {@code use} receives them before each test. After it: the client disconnects, the server stops, stubbed
 * globals are restored.
 */
export function withTestServer(use: (server: TestServer, client: RealtimeClient) => void): void {
  let server: TestServer;
  let client: RealtimeClient;
  beforeEach(async () => {
    server = await startTestServer();
    client = testClient(server.url);
    use(server, client);
  });
  afterEach(async () => {
    client.disconnect();
    await server.stop();
    vi.unstubAllGlobals();
  });
}
