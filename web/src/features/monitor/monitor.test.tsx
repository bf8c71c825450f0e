import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClusterInstance } from '../../lib/api/system-instances';
import type { SystemSnapshot } from '../../lib/api/system-metrics';
import type { RealtimeClient } from '../../lib/realtime/realtime-client';
import { stubFetch } from '../../test/fetch-stub';
import { job } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { jobUpdate, messagesOfType, serverReceives, withTestServer, testClient, type TestServer, startTestServer } from '../../test/ws-server';
import { MAX_POINTS, MonitorStore, appendMetrics, mergeActivity } from './monitor-store';

function sample(timestamp: number, overrides: Partial<SystemSnapshot> = {}): SystemSnapshot {
  return {
    timestamp,
    process_cpu: 0.12,
    system_cpu: 0.3,
    heap_used_bytes: 80 * 1024 * 1024,
    heap_max_bytes: 1024 * 1024 * 1024,
    rss_bytes: 300 * 1024 * 1024,
    request_rate: 4,
    ws_connections: 12,
    messages_sent_rate: 40,
    active_jobs: 1,
    queued_jobs: 3,
    storage_free_bytes: 50 * 1024 ** 3,
    ...overrides,
  };
}

function instance(id: string, overrides: Partial<ClusterInstance> = {}): ClusterInstance {
  return {
    instance_id: id,
    self: false,
    status: 'UP',
    started_at: '2026-01-05T09:00:00Z',
    last_seen: '2026-01-05T09:30:00Z',
    cpu: 0.12,
    heap_used_bytes: 80 * 1024 * 1024,
    heap_max_bytes: 1024 * 1024 * 1024,
    connections: 5,
    running_jobs: 1,
    workers: 1,
    queue_depth: 0,
    ...overrides,
  };
}

const activity = (id: number, kind = 'job_created', jobId: string | null = null) => ({
  id,
  timestamp: 1_700_000_000 + id,
  kind,
  severity: 'info',
  message: `entry ${id}`,
  job_id: jobId,
});

describe('metric history', () => {
  it('keeps only the newest samples, however long the page stays open', () => {
    let history: SystemSnapshot[] = [];
    for (let t = 1; t <= 1000; t += 1) history = appendMetrics(history, [sample(t)]);

    expect(history).toHaveLength(MAX_POINTS);
    expect(history[0]?.timestamp).toBe(1000 - MAX_POINTS + 1);
    expect(history.at(-1)?.timestamp).toBe(1000);
  });

  it('merges a seed that overlaps the live samples once, in time order', () => {
    const live = [sample(10), sample(11)];
    const merged = appendMetrics(live, [sample(8), sample(9), sample(10), sample(11, { ws_connections: 99 })], 3);

    expect(merged.map((s) => s.timestamp)).toEqual([9, 10, 11]);
    expect(merged.at(-1)?.ws_connections).toBe(99);
  });

  it('keeps activity newest first, once per id, bounded', () => {
    const merged = mergeActivity([activity(1), activity(2)], [activity(2), activity(3), activity(4)], 3);
    expect(merged.map((entry) => entry.id)).toEqual([4, 3, 2]);
  });
});

describe('MonitorStore', () => {
  let ws: TestServer;
  let client: RealtimeClient;

  beforeEach(async () => {
    ws = await startTestServer();
    client = testClient(ws.url);
    client.connect();
  });

  afterEach(async () => {
    client.disconnect();
    await ws.stop();
  });

  it('bounds the history it keeps from the stream', async () => {
    const store = new MonitorStore(client, { maxPoints: 5, throttleMs: 5 });
    const stop = store.start();
    await serverReceives(ws, (m) => m.type === 'subscribe_system');

    for (let t = 1; t <= 12; t += 1) ws.send({ type: 'system_metrics', metrics: sample(t), timestamp: t });

    await vi.waitFor(() => expect(store.getState().metrics.at(-1)?.timestamp).toBe(12));
    expect(store.getState().metrics.map((s) => s.timestamp)).toEqual([8, 9, 10, 11, 12]);
    stop();
    await serverReceives(ws, (m) => m.type === 'unsubscribe_system');
  });

  it('follows the jobs of the snapshot and those created later, and lets finished ones go', async () => {
    const store = new MonitorStore(client, { throttleMs: 5, loadJob: async (id) => job({ id, file_name: 'later.csv' }) });
    const stop = store.start();
    await serverReceives(ws, (m) => m.type === 'subscribe_system');

    ws.send({ type: 'jobs_snapshot', jobs: [job({ id: 'a', file_name: 'a.csv', status: 'profiling', stage: 'profiling', progress: 40 })] });
    await serverReceives(ws, (m) => m.type === 'subscribe_job' && m.job_id === 'a');
    ws.send({ type: 'activity', ...activity(7, 'job_created', 'b') });
    await serverReceives(ws, (m) => m.type === 'subscribe_job' && m.job_id === 'b');

    ws.send(jobUpdate('a', 5, 'analyzing', 80, 'Finding correlations'));
    await vi.waitFor(() => expect(store.getState().jobs.find((j) => j.id === 'a')?.progress).toBe(80));
    expect(store.getState().jobs.find((j) => j.id === 'b')?.fileName).toBe('later.csv');

    ws.send({ type: 'job_complete', job_id: 'a', seq: 6, stage: 'insights_ready', progress: 100, message: 'Analysis complete.', insights: {}, timestamp: 1 });
    await serverReceives(ws, (m) => m.type === 'unsubscribe_job' && m.job_id === 'a');
    await vi.waitFor(() =>
      expect(store.getState().jobs.map((j) => [j.id, j.status])).toEqual([
        ['b', 'queued'],
        ['a', 'insights_ready'],
      ]),
    );
    expect(store.watchedJobCount()).toBe(1);
    stop();
    expect(store.watchedJobCount()).toBe(0);
  });

  it('unlinks a deleted job everywhere and drops it from the jobs, even when an older seed arrives after', async () => {
    const store = new MonitorStore(client, { throttleMs: 5 });
    const stop = store.start();
    await serverReceives(ws, (m) => m.type === 'subscribe_system');
    ws.send({ type: 'jobs_snapshot', jobs: [] });
    ws.send({ type: 'activity', ...activity(7, 'job_created', 'gone') });
    ws.send({ type: 'activity', ...activity(8, 'job_created', 'kept') });
    await serverReceives(ws, (m) => m.type === 'subscribe_job' && m.job_id === 'gone');
    ws.send({ type: 'job_complete', job_id: 'gone', seq: 6, stage: 'insights_ready', progress: 100, message: 'Analysis complete.', insights: {}, timestamp: 1 });
    await vi.waitFor(() => expect(store.getState().jobs.find((j) => j.id === 'gone')?.status).toBe('insights_ready'));

    ws.send({ type: 'activity', ...activity(9, 'job_deleted', 'gone') });
    await vi.waitFor(() => expect(store.getState().jobs.map((j) => j.id)).toEqual(['kept']));
    store.seedActivity([activity(6, 'job_created', 'gone'), activity(7, 'job_created', 'gone')]);

    await vi.waitFor(() =>
      expect(store.getState().activity.map((entry) => [entry.id, entry.job_id])).toEqual([
        [9, 'gone'],
        [8, 'kept'],
        [7, null],
        [6, null],
      ]),
    );
    stop();
  });
});

describe('MonitorPage', () => {
  let ws: TestServer;
  let client: RealtimeClient;

  withTestServer((server, realtime) => {
    ws = server;
    client = realtime;
  });

  function stubSystem(answers: Parameters<typeof stubFetch>[0] = {}) {
    return stubFetch({
      '/api/system/instances': { body: { instances: [instance('solo:8000', { self: true })], totals: { instances: 1, connections: 5, running_jobs: 1, workers: 1 } } },
      '/api/system/health': {
        status: 503,
        body: {
          status: 'DOWN',
          components: [
            { name: 'database', status: 'UP', latency_ms: 1.3, details: { jobs: 4 } },
            { name: 'storage', status: 'DOWN', latency_ms: 0.5, details: { free_bytes: 1024 } },
          ],
          checked_at: 1_700_000_000,
        },
      },
      '/api/system/metrics?history=true': { body: { current: sample(100), history: [sample(98), sample(99, { rss_bytes: -1 })] } },
      '/api/system/alerts': {
        body: { active: [{ rule: 'disk', severity: 'critical', message: 'Free storage is below 1 GB.', value: 1024, threshold: 1073741824, raised_at: 1_700_000_000, cleared_at: null }], history: [] },
      },
      '/api/activity?page=0&size=100': { body: { items: [activity(3, 'job_completed')], page: 0, size: 100, total: 1 } },
      ...answers,
    });
  }

  it('shows health, live figures, jobs, activity and alerts, all from the server', async () => {
    stubSystem();
    renderApp('/monitor', client);

    await serverReceives(ws, (m) => m.type === 'subscribe_system');
    const components = await screen.findAllByTestId('health-component');
    expect(components.map((c) => [c.dataset.name, c.dataset.status])).toEqual([
      ['database', 'UP'],
      ['storage', 'DOWN'],
    ]);
    expect(components[0]).toHaveTextContent('Check took 1.3 ms');
    expect(screen.getByTestId('overall-health')).toHaveTextContent('DOWN');
    expect(await screen.findByTestId('system-alert')).toHaveTextContent('Free storage is below 1 GB.');
    await waitFor(() => expect(screen.getByTestId('metric-ws_connections')).toHaveTextContent('12'));
    expect(screen.getByTestId('metric-charts')).toHaveAttribute('data-samples', '3');

    ws.send({ type: 'jobs_snapshot', jobs: [job({ id: 'run', file_name: 'running.csv', status: 'profiling', stage: 'profiling', progress: 30 })] });
    ws.send({ type: 'system_metrics', metrics: sample(101, { ws_connections: 13, rss_bytes: -1, process_cpu: -1 }) });
    ws.send({ type: 'activity', ...activity(4, 'job_created', 'run') });

    await waitFor(() => expect(screen.getByTestId('metric-ws_connections')).toHaveTextContent('13'));
    // −1 is "not measurable here", never a zero.
    expect(screen.getByTestId('metric-rss_bytes')).toHaveTextContent('unavailable');
    expect(screen.getByTestId('metric-process_cpu')).toHaveTextContent('unavailable');
    expect(screen.getByTestId('metric-system_cpu')).toHaveTextContent('30%');
    const running = await screen.findByTestId('monitor-job');
    expect(running).toHaveTextContent('running.csv');
    await serverReceives(ws, (m) => m.type === 'subscribe_job' && m.job_id === 'run');
    ws.send(jobUpdate('run', 9, 'analyzing', 75, 'Finding correlations'));
    await waitFor(() => expect(within(running).getByTestId('job-status')).toHaveTextContent('Analyzing 75%'));
    expect(screen.getAllByTestId('activity-entry').map((entry) => entry.dataset.kind)).toEqual(['job_created', 'job_completed']);
    expect(within(screen.getAllByTestId('activity-entry')[0]!).getByRole('link', { name: 'open job' })).toHaveAttribute('href', '/jobs/run');

    ws.send({ type: 'activity', ...activity(5, 'job_deleted', 'run') });
    await waitFor(() => expect(screen.getAllByTestId('activity-entry')).toHaveLength(3));
    expect(screen.queryAllByRole('link', { name: 'open job' })).toHaveLength(0);
  });

  it('lists every instance with its load and the cluster totals, and follows them as they are polled', async () => {
    let answer = {
      instances: [
        instance('host-a:8001', { self: true }),
        instance('host-b:8002', { status: 'DRAINING', cpu: null, heap_used_bytes: null, heap_max_bytes: null, connections: 5, running_jobs: 0, queue_depth: null, last_seen: null }),
      ],
      totals: { instances: 2, connections: 10, running_jobs: 1, workers: 2 },
    };
    stubSystem({ '/api/system/instances': () => ({ body: answer }) });
    renderApp('/monitor', client);

    const table = await screen.findByRole('table', { name: 'Server instances' });
    const rows = within(table).getAllByTestId('cluster-instance');
    expect(rows.map((row) => [row.dataset.instance, row.dataset.status])).toEqual([
      ['host-a:8001', 'UP'],
      ['host-b:8002', 'DRAINING'],
    ]);
    const [a, b] = rows as [HTMLElement, HTMLElement];
    expect(within(a).getByRole('rowheader')).toHaveTextContent('host-a:8001this instance');
    expect(within(b).queryByTestId('self-badge')).toBeNull();
    expect(within(a).getByTestId('instance-cpu')).toHaveTextContent('12%');
    expect(within(a).getByTestId('instance-heap')).toHaveTextContent('80 MB / 1 GB');
    expect(within(a).getByTestId('instance-jobs')).toHaveTextContent('1 / 1');
    // null is "not reported", never a zero.
    expect(within(b).getByTestId('instance-cpu')).toHaveTextContent('unknown');
    expect(within(b).getByTestId('instance-heap')).toHaveTextContent('unknown');
    expect(within(b).getByTestId('instance-queue')).toHaveTextContent('unknown');
    expect(screen.getByTestId('total-instances')).toHaveTextContent('2');
    expect(screen.getByTestId('total-connections')).toHaveTextContent('10');
    expect(screen.getByTestId('total-jobs')).toHaveTextContent('1 / 2');

    answer = {
      instances: [instance('host-a:8001', { self: true, connections: 7, running_jobs: 0 }), instance('host-b:8002', { connections: 6 })],
      totals: { instances: 2, connections: 13, running_jobs: 1, workers: 2 },
    };

    // The next poll, 2 s later, brings the new figures without a reload.
    await waitFor(() => expect(screen.getByTestId('total-connections')).toHaveTextContent('13'));
    const updated = within(table).getAllByTestId('cluster-instance');
    expect(updated.map((row) => row.dataset.status)).toEqual(['UP', 'UP']);
    expect(within(updated[0] as HTMLElement).getByTestId('instance-connections')).toHaveTextContent('7');
    expect(within(updated[1] as HTMLElement).getByTestId('instance-cpu')).toHaveTextContent('12%');
  });

  it('keeps a single instance row in step with the live sample the charts show', async () => {
    stubSystem({
      '/api/system/instances': { body: { instances: [instance('solo:8000', { self: true, connections: 0, running_jobs: 0 })], totals: { instances: 1, connections: 0, running_jobs: 0, workers: 1 } } },
    });
    renderApp('/monitor', client);
    await serverReceives(ws, (m) => m.type === 'subscribe_system');
    const row = await screen.findByTestId('cluster-instance');
    // The seeded samples are older than the poll: the polled figures stand.
    expect(within(row).getByTestId('instance-connections')).toHaveTextContent('0');

    const afterPoll = Date.parse('2026-01-05T09:30:00Z') / 1000 + 1;
    ws.send({ type: 'system_metrics', metrics: sample(afterPoll, { ws_connections: 2, active_jobs: 1, queued_jobs: 0, process_cpu: 0.4 }) });

    await waitFor(() => expect(within(row).getByTestId('instance-connections')).toHaveTextContent('2'));
    expect(screen.getByTestId('metric-ws_connections')).toHaveTextContent('2');
    expect(within(row).getByTestId('instance-jobs')).toHaveTextContent('1 / 1');
    expect(within(row).getByTestId('instance-cpu')).toHaveTextContent('40%');
    expect(within(row).getByTestId('instance-queue')).toHaveTextContent('0');
    expect(screen.getByTestId('total-connections')).toHaveTextContent('2');
    expect(screen.getByTestId('total-jobs')).toHaveTextContent('1 / 1');
  });

  it('does not mix the live sample into a cluster, whose polls another instance may answer', async () => {
    stubSystem({
      '/api/system/instances': { body: { instances: [instance('a:8001', { self: true, connections: 3 }), instance('b:8002', { connections: 4 })], totals: { instances: 2, connections: 7, running_jobs: 2, workers: 2 } } },
    });
    renderApp('/monitor', client);
    await serverReceives(ws, (m) => m.type === 'subscribe_system');
    await screen.findAllByTestId('cluster-instance');

    ws.send({ type: 'system_metrics', metrics: sample(Date.parse('2026-01-05T09:30:00Z') / 1000 + 1, { ws_connections: 9 }) });

    await waitFor(() => expect(screen.getByTestId('metric-ws_connections')).toHaveTextContent('9'));
    const [a] = screen.getAllByTestId('cluster-instance') as [HTMLElement];
    expect(within(a).getByTestId('instance-connections')).toHaveTextContent('3');
    expect(screen.getByTestId('total-connections')).toHaveTextContent('7');
  });

  it('opens from /dashboard too', async () => {
    stubSystem();
    const { router } = renderApp('/dashboard', client);

    await screen.findAllByTestId('health-component');
    expect(router.state.location.pathname).toBe('/monitor');
  });

  it('stops listening to the system stream when the page is left', async () => {
    stubSystem();
    const { router } = renderApp('/monitor', client);
    await serverReceives(ws, (m) => m.type === 'subscribe_system');
    await screen.findAllByTestId('health-component');

    await router.navigate('/jobs');

    await serverReceives(ws, (m) => m.type === 'unsubscribe_system');
    expect(messagesOfType(ws, 'subscribe_system')).toHaveLength(1);
  });
});
