// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jobUpdate, messagesOfType, serverReceives, startTestServer, testClient, type TestServer } from '../../test/ws-server';
import { backoffDelay } from './backoff';
import { MAX_ATTEMPTS_REASON, RealtimeClient, type ConnectionStatus } from './realtime-client';

const JOB = '4f1c2a9e-0000-4000-8000-000000000001';

let servers: TestServer[] = [];
let clients: RealtimeClient[] = [];

async function server(port?: number): Promise<TestServer> {
  const started = await startTestServer(port);
  servers.push(started);
  return started;
}

function client(...args: Parameters<typeof testClient>): RealtimeClient {
  const created = testClient(...args);
  clients.push(created);
  return created;
}

function recordStatuses(target: RealtimeClient): ConnectionStatus[] {
  const statuses: ConnectionStatus[] = [];
  target.addConnectionStatusListener((status) => statuses.push(status));
  return statuses;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  await vi.waitFor(
    () => {
      if (!condition()) throw new Error(`still waiting for ${what}`);
    },
    { timeout: 5_000, interval: 5 },
  );
}

afterEach(async () => {
  for (const created of clients) created.disconnect();
  await Promise.all(servers.map((started) => started.stop()));
  servers = [];
  clients = [];
});

describe('RealtimeClient', () => {
  it("sends nothing before the server's welcome, then its subscriptions", async () => {
    const ws = await startTestServer(0, { welcome: false });
    servers.push(ws);
    const realtime = client(ws.url);
    realtime.subscribeToJob(JOB);
    realtime.connect();
    await until(() => realtime.getConnectionStatus().state === 'connected', 'the socket to open');
    realtime.subscribeToJob('another-job');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ws.received).toEqual([]);

    ws.send({ type: 'welcome', protocol_version: '1.6', username: 'test', heartbeat_interval_seconds: 30 });

    await serverReceives(ws, (m) => m.job_id === 'another-job');
    expect(ws.received.map((r) => r.message)).toEqual([
      { type: 'subscribe_job', job_id: JOB },
      { type: 'subscribe_job', job_id: 'another-job' },
    ]);
  });

  it('subscribes to a job and delivers its updates to listeners', async () => {
    const ws = await server();
    const realtime = client(ws.url);
    const updates: number[] = [];
    realtime.addJobEventListener(JOB, 'update', (event) => updates.push(event.progress));

    realtime.subscribeToJob(JOB);
    realtime.connect();
    const subscribe = await serverReceives(ws, (m) => m.type === 'subscribe_job');
    ws.send({ type: 'subscribed', job_id: JOB });
    ws.send(jobUpdate(JOB, 1, 'parsing', 10, 'Reading rows'));

    await until(() => updates.length === 1, 'the update');
    expect(subscribe.message).toEqual({ type: 'subscribe_job', job_id: JOB });
    expect(updates).toEqual([10]);
    expect(realtime.getConnectionStatus()).toEqual({ state: 'connected' });
    expect(realtime.getLatestJobEvent(JOB)?.seq).toBe(1);
  });

  it('delivers completion with its insights and errors to their own listeners', async () => {
    const ws = await server();
    const realtime = client(ws.url);
    const seen: string[] = [];
    realtime.addJobEventListener(JOB, 'complete', (event) => seen.push(`complete:${JSON.stringify(event.insights)}`));
    realtime.addJobEventListener(JOB, 'error', (event) => seen.push(`${event.type}:${event.message}`));
    realtime.connect();
    realtime.subscribeToJob(JOB);
    await serverReceives(ws, (m) => m.type === 'subscribe_job');

    ws.send({ type: 'error', code: 'job_not_found', message: 'No job 42', job_id: JOB });
    ws.send({ type: 'job_complete', job_id: JOB, seq: 2, stage: 'insights_ready', progress: 100, message: 'Analysis complete.', insights: { rows: 3 }, timestamp: 1 });

    await until(() => seen.length === 2, 'both events');
    expect(seen).toEqual(['error:No job 42', 'complete:{"rows":3}']);
  });

  it('re-subscribes with last_seq after the server closes the connection, and drops replayed events', async () => {
    const ws = await server();
    const realtime = client(ws.url);
    const seqs: number[] = [];
    realtime.addJobEventListener(JOB, 'update', (event) => seqs.push(event.seq));
    realtime.connect();
    realtime.subscribeToJob(JOB);
    await serverReceives(ws, (m) => m.type === 'subscribe_job');
    ws.send(jobUpdate(JOB, 1, 'parsing', 5, 'a'));
    ws.send(jobUpdate(JOB, 2, 'parsing', 10, 'b'));
    ws.send(jobUpdate(JOB, 3, 'profiling', 20, 'c'));
    await until(() => seqs.length === 3, 'three updates');

    ws.dropConnections();
    const resubscribe = await serverReceives(ws, (m) => m.type === 'subscribe_job' && m.last_seq !== undefined);
    // The server replays from what it thinks we have; overlap must not reach listeners twice.
    ws.send(jobUpdate(JOB, 2, 'parsing', 10, 'b'));
    ws.send(jobUpdate(JOB, 3, 'profiling', 20, 'c'));
    ws.send(jobUpdate(JOB, 4, 'profiling', 30, 'd'));

    await until(() => seqs.length === 4, 'the fourth update');
    expect(resubscribe.message).toEqual({ type: 'subscribe_job', job_id: JOB, last_seq: 3 });
    expect(resubscribe.connection).toBe(1);
    expect(seqs).toEqual([1, 2, 3, 4]);
  });

  it('ignores events whose seq is not newer than the last one seen', async () => {
    const ws = await server();
    const realtime = client(ws.url);
    const seqs: number[] = [];
    realtime.addJobEventListener(JOB, 'update', (event) => seqs.push(event.seq));
    realtime.connect();
    realtime.subscribeToJob(JOB);
    await serverReceives(ws, (m) => m.type === 'subscribe_job');

    for (const seq of [1, 2, 2, 1, 3]) ws.send(jobUpdate(JOB, seq, 'parsing', seq, `event ${seq}`));
    ws.send(jobUpdate(JOB, 9, 'analyzing', 90, 'last'));

    await until(() => seqs.at(-1) === 9, 'the last update');
    expect(seqs).toEqual([1, 2, 3, 9]);
  });

  it('asks for a replay from the start when subscribing with replay', async () => {
    const ws = await server();
    const realtime = client(ws.url);
    realtime.connect();
    realtime.subscribeToJob(JOB, { replay: true });

    const subscribe = await serverReceives(ws, (m) => m.type === 'subscribe_job');
    expect(subscribe.message).toEqual({ type: 'subscribe_job', job_id: JOB, last_seq: 0 });
  });

  it('goes offline with a reason after the maximum reconnection attempts, and retry() starts over', async () => {
    const ws = await server();
    let url = ws.url;
    const realtime = client(() => url, { maxReconnectAttempts: 3, random: () => 1 });
    const statuses = recordStatuses(realtime);
    realtime.connect();
    await until(() => realtime.getConnectionStatus().state === 'connected', 'the first connection');

    await ws.stop();
    await until(() => realtime.getConnectionStatus().state === 'offline', 'giving up');

    const reconnecting = statuses.filter((s) => s.state === 'reconnecting');
    expect(reconnecting.map((s) => [s.attempt, s.maxAttempts, s.delayMs])).toEqual([
      [1, 3, 10],
      [2, 3, 20],
      [3, 3, 40],
    ]);
    expect(realtime.getConnectionStatus()).toEqual({ state: 'offline', reason: MAX_ATTEMPTS_REASON });

    const replacement = await server();
    url = replacement.url;
    realtime.retry();
    await until(() => realtime.getConnectionStatus().state === 'connected', 'the retried connection');
  });

  it('caps the backoff delay and spreads it with equal jitter over the upper half', () => {
    expect(backoffDelay(1, 1_000, 30_000, () => 1)).toBe(1_000);
    expect(backoffDelay(3, 1_000, 30_000, () => 1)).toBe(4_000);
    expect(backoffDelay(10, 1_000, 30_000, () => 1)).toBe(30_000);
    expect(backoffDelay(10, 1_000, 30_000, () => 0)).toBe(15_000);
    expect(backoffDelay(1, 1_000, 30_000, () => 0)).toBe(500);
    expect(backoffDelay(2, 1_000, 30_000, () => 0.5)).toBe(1_500);
  });

  it('keeps trying for at least 15.5 s over the default five attempts, however the dice fall', () => {
    const shortest = [1, 2, 3, 4, 5].reduce((sum, attempt) => sum + backoffDelay(attempt, 1_000, 30_000, () => 0), 0);
    expect(shortest).toBe(15_500);
  });

  it('stops delivering to removed listeners and tells the server when the last subscriber leaves', async () => {
    const ws = await server();
    const realtime = client(ws.url);
    const first: number[] = [];
    const second: number[] = [];
    const removeFirst = realtime.addJobEventListener(JOB, 'update', (event) => first.push(event.seq));
    const onSecond = (event: { seq: number }) => second.push(event.seq);
    realtime.addJobEventListener(JOB, 'update', onSecond);
    realtime.connect();
    realtime.subscribeToJob(JOB);
    realtime.subscribeToJob(JOB);
    await serverReceives(ws, (m) => m.type === 'subscribe_job');
    ws.send(jobUpdate(JOB, 1, 'parsing', 1, 'one'));
    await until(() => first.length === 1 && second.length === 1, 'both listeners');

    removeFirst();
    ws.send(jobUpdate(JOB, 2, 'parsing', 2, 'two'));
    await until(() => second.length === 2, 'the remaining listener');
    expect(first).toEqual([1]);

    realtime.removeJobEventListener(JOB, 'update', onSecond);
    expect(realtime.jobListenerCount(JOB)).toBe(0);
    realtime.unsubscribeFromJob(JOB);
    expect(realtime.isSubscribed(JOB)).toBe(true);
    realtime.unsubscribeFromJob(JOB);
    await serverReceives(ws, (m) => m.type === 'unsubscribe_job');

    expect(realtime.isSubscribed(JOB)).toBe(false);
    expect(messagesOfType(ws, 'subscribe_job')).toHaveLength(1);
    expect(messagesOfType(ws, 'unsubscribe_job').map((r) => r.message)).toEqual([{ type: 'unsubscribe_job', job_id: JOB }]);
  });

  it('sends a JSON ping every heartbeat interval', async () => {
    const ws = await server();
    ws.onMessage((message, socket) => {
      if (message.type === 'ping') socket.send(JSON.stringify({ type: 'pong', timestamp: 1 }));
    });
    const realtime = client(ws.url, { heartbeatIntervalMs: 20 });
    realtime.connect();

    await until(() => messagesOfType(ws, 'ping').length >= 3, 'three pings');
    expect(messagesOfType(ws, 'ping')[0]?.message).toEqual({ type: 'ping' });
    expect(ws.connections).toHaveLength(1);
  });

  it('reconnects when a heartbeat goes unanswered for a whole interval', async () => {
    const ws = await server();
    const realtime = client(ws.url, { heartbeatIntervalMs: 20 });
    realtime.connect();

    await until(() => ws.connections.length >= 2, 'a second connection');
    expect(messagesOfType(ws, 'ping')[0]?.connection).toBe(0);
  });

  it('reports frames it cannot read instead of throwing', async () => {
    const ws = await server();
    const problems: string[] = [];
    const realtime = client(ws.url, { onInvalidMessage: (reason) => problems.push(reason) });
    realtime.connect();
    realtime.subscribeToJob(JOB);
    await serverReceives(ws, (m) => m.type === 'subscribe_job');

    ws.send({ type: 'job_update', job_id: JOB, seq: 'seven' });
    ws.send({ type: 'something_new', job_id: JOB });
    ws.send({ no_type: true });

    await until(() => problems.length === 2, 'two problems');
    expect(problems[0]).toMatch(/^job_update: seq/);
    expect(problems[1]).toBe('message has no "type"');
    expect(realtime.getConnectionStatus().state).toBe('connected');
  });

  it('refuses nonsensical timings at construction', () => {
    expect(() => new RealtimeClient({ initialBackoffMs: 0 })).toThrow('initialBackoffMs must be a positive number, got 0');
    expect(() => new RealtimeClient({ maxReconnectAttempts: -1 })).toThrow('maxReconnectAttempts must be a non-negative integer');
    expect(() => new RealtimeClient({ initialBackoffMs: 5_000, maxBackoffMs: 1_000 })).toThrow(
      'maxBackoffMs (1000) must not be below initialBackoffMs (5000)',
    );
  });

  it('delivers the system stream to its listeners and subscribes again after a reconnect', async () => {
    const ws = await server();
    const realtime = client(ws.url);
    const types: string[] = [];
    realtime.addSystemListener((message) => types.push(message.type));
    realtime.connect();
    realtime.subscribeToSystem();
    realtime.subscribeToSystem();
    await serverReceives(ws, (m) => m.type === 'subscribe_system');

    ws.send({ type: 'subscribed', channel: 'system' });
    ws.send({ type: 'jobs_snapshot', jobs: [], timestamp: 1 });
    ws.send({ type: 'system_metrics', metrics: { timestamp: 1, process_cpu: -1, system_cpu: 0.5, heap_used_bytes: 1, heap_max_bytes: 2, rss_bytes: -1, request_rate: 0, ws_connections: 1, messages_sent_rate: 0, active_jobs: 0, queued_jobs: -1, storage_free_bytes: 9 }, timestamp: 1 });
    ws.send({ type: 'activity', id: 1, kind: 'clients', severity: 'info', message: '1 client connected', job_id: null, timestamp: 1 });
    await until(() => types.length === 3, 'three system messages');
    expect(types).toEqual(['jobs_snapshot', 'system_metrics', 'activity']);

    ws.dropConnections();
    await until(() => messagesOfType(ws, 'subscribe_system').length === 2, 'the second subscribe_system');
    expect(messagesOfType(ws, 'subscribe_system')[1]?.connection).toBe(1);

    realtime.unsubscribeFromSystem();
    expect(messagesOfType(ws, 'unsubscribe_system')).toEqual([]);
    realtime.unsubscribeFromSystem();
    await serverReceives(ws, (m) => m.type === 'unsubscribe_system');
    expect(realtime.isSubscribedToSystem()).toBe(false);
  });

  it('does not reconnect by itself when the server closes with a 44xx code', async () => {
    const ws = await server();
    const realtime = client(ws.url);
    realtime.connect();
    await until(() => realtime.getConnectionStatus().state === 'connected', 'the connection');

    ws.connections[0]?.close(4403, 'access revoked');

    await until(() => realtime.getConnectionStatus().state === 'offline', 'going offline');
    expect(realtime.getConnectionStatus()).toEqual({
      state: 'offline',
      reason: 'Access revoked (close code 4403: access revoked)',
      closeCode: 4403,
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ws.connections).toHaveLength(1);
  });

  it('does not reconnect after 4401, and says it was not signed in', async () => {
    const ws = await server();
    const realtime = client(ws.url);
    realtime.subscribeToJob(JOB);
    realtime.connect();
    await until(() => realtime.getConnectionStatus().state === 'connected', 'the connection');

    ws.connections[0]?.close(4401, 'Not signed in');

    await until(() => realtime.getConnectionStatus().state === 'offline', 'going offline');
    expect(realtime.getConnectionStatus()).toEqual({
      state: 'offline',
      reason: 'Not authenticated (close code 4401: Not signed in)',
      closeCode: 4401,
    });
    // Backoff here is 5–40 ms: a reconnect would have happened by now.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(ws.connections).toHaveLength(1);
  });

  it('opens a fresh connection on restart, e.g. after signing in, and subscribes again', async () => {
    const ws = await server();
    const realtime = client(ws.url);
    realtime.connect();
    await until(() => realtime.getConnectionStatus().state === 'connected', 'the connection');
    ws.connections[0]?.close(4401, 'Not signed in');
    await until(() => realtime.getConnectionStatus().state === 'offline', 'going offline');
    realtime.subscribeToJob(JOB);

    realtime.restart();

    const subscribe = await serverReceives(ws, (m) => m.type === 'subscribe_job');
    expect(subscribe.connection).toBe(1);
    expect(realtime.getConnectionStatus()).toEqual({ state: 'connected' });
  });

  it('keeps who is watching each subscribed job, and forgets it when the job is left or the link drops', async () => {
    const ws = await server();
    const realtime = client(ws.url);
    const seen: string[][] = [];
    realtime.addPresenceListener(JOB, (viewers) => seen.push(viewers.map((viewer) => viewer.username)));
    realtime.connect();
    realtime.subscribeToJob(JOB);
    await serverReceives(ws, (m) => m.type === 'subscribe_job');

    ws.send({ type: 'presence', job_id: 'another-job', viewers: [{ username: 'eve' }] });
    ws.send({ type: 'presence', job_id: JOB, viewers: [{ username: 'alice' }, { username: 'bob' }] });
    await until(() => seen.length === 1, 'the presence');
    expect(realtime.getPresence(JOB).map((viewer) => viewer.username)).toEqual(['alice', 'bob']);
    expect(realtime.getPresence('another-job')).toEqual([]);

    ws.dropConnections();
    await until(() => seen.length === 2, 'presence cleared by the disconnect');
    expect(seen[1]).toEqual([]);

    await until(() => ws.received.some((r) => r.connection === 1 && r.message.type === 'subscribe_job'), 'resubscribing');
    ws.send({ type: 'presence', job_id: JOB, viewers: [{ username: 'alice' }] });
    await until(() => seen.length === 3, 'presence after reconnecting');

    realtime.unsubscribeFromJob(JOB);
    expect(seen.at(-1)).toEqual([]);
    expect(realtime.getPresence(JOB)).toEqual([]);
  });

  it('ends a subscription the server revoked, and does not ask for it again after a reconnect', async () => {
    const ws = await server();
    const realtime = client(ws.url);
    const revoked: string[] = [];
    realtime.addJobEventListener(JOB, 'revoked', (message) => revoked.push(String(message.reason)));
    realtime.connect();
    realtime.subscribeToJob(JOB);
    realtime.subscribeToJob('other');
    await until(() => messagesOfType(ws, 'subscribe_job').length === 2, 'both subscriptions');

    ws.send({ type: 'unsubscribed', channel: 'job', job_id: JOB, reason: 'access_revoked' });
    await until(() => revoked.length === 1, 'the revocation');
    expect(revoked).toEqual(['access_revoked']);
    expect(realtime.isSubscribed(JOB)).toBe(false);
    expect(realtime.isSubscribed('other')).toBe(true);

    ws.dropConnections();
    await until(() => ws.received.some((r) => r.connection === 1 && r.message.type === 'subscribe_job'), 'resubscribing');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ws.received.filter((r) => r.connection === 1 && r.message.type === 'subscribe_job').map((r) => r.message.job_id)).toEqual(['other']);
  });

  it('reconnects after a 40xx close, as after a heartbeat timeout', async () => {
    const ws = await server();
    const realtime = client(ws.url);
    realtime.connect();
    await until(() => realtime.getConnectionStatus().state === 'connected', 'the connection');

    ws.connections[0]?.close(4008, 'too slow');

    await until(() => ws.connections.length === 2, 'a second connection');
  });

  it('tells listeners of all jobs about every new event once', async () => {
    const ws = await server();
    const realtime = client(ws.url);
    const seen: string[] = [];
    realtime.addAnyJobEventListener((event) => seen.push(`${event.job_id}:${event.seq}`));
    realtime.connect();
    realtime.subscribeToJob('a');
    realtime.subscribeToJob('b');
    await until(() => messagesOfType(ws, 'subscribe_job').length === 2, 'both subscriptions');

    ws.send(jobUpdate('a', 1, 'parsing', 1, 'x'));
    ws.send(jobUpdate('a', 1, 'parsing', 1, 'x'));
    ws.send(jobUpdate('b', 4, 'parsing', 1, 'y'));

    await until(() => seen.length === 2, 'two events');
    expect(seen).toEqual(['a:1', 'b:4']);
  });
});
