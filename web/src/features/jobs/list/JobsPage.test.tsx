import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RealtimeClient } from '../../../lib/realtime/realtime-client';
import { stubFetch } from '../../../test/fetch-stub';
import { job } from '../../../test/fixtures';
import { renderApp } from '../../../test/render';
import { jobUpdate, messagesOfType, serverReceives, withTestServer, type TestServer } from '../../../test/ws-server';

let ws: TestServer;
let client: RealtimeClient;

withTestServer((server, realtime) => {
  ws = server;
  client = realtime;
});

const running = job({ id: 'run', file_name: 'running.csv', status: 'profiling', stage: 'profiling', progress: 30 });
const done = job({ id: 'done', file_name: 'done.csv', status: 'insights_ready', stage: 'insights_ready', progress: 100, finished_at: '2024-01-01T10:01:00Z' });

function chipOf(fileName: string): HTMLElement {
  const row = screen.getByRole('row', { name: new RegExp(fileName) });
  return within(row).getByTestId('job-status');
}

describe('JobsPage', () => {
  it('lists jobs and follows the running ones live', async () => {
    stubFetch({ '/api/jobs?page=0&size=20': { body: { items: [running, done], page: 0, size: 20, total: 2 } } });
    renderApp('/jobs', client);

    expect(await screen.findByRole('link', { name: 'running.csv' })).toHaveAttribute('href', '/jobs/run');
    expect(chipOf('done.csv')).toHaveTextContent('Insights ready');
    expect(chipOf('running.csv')).toHaveTextContent('Profiling 30%');

    await serverReceives(ws, (m) => m.type === 'subscribe_job');
    ws.send(jobUpdate('run', 4, 'analyzing', 80, 'Finding correlations'));

    await waitFor(() => expect(chipOf('running.csv')).toHaveTextContent('Analyzing 80%'));
    expect(messagesOfType(ws, 'subscribe_job').map((r) => r.message.job_id)).toEqual(['run']);
    expect(screen.getByTestId('pagination-summary')).toHaveTextContent('1–2 of 2');
  });

  it('pages and filters through the query string', async () => {
    const { calls } = stubFetch({
      '/api/jobs?page=0&size=20': { body: { items: [done], page: 0, size: 20, total: 41 } },
      '/api/jobs?page=1&size=20': { body: { items: [done], page: 1, size: 20, total: 41 } },
      '/api/jobs?page=0&size=20&status=error': { body: { items: [], page: 0, size: 20, total: 0 } },
    });
    const { router } = renderApp('/jobs', client);

    await userEvent.click(await screen.findByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByTestId('pagination-summary')).toHaveTextContent('21–40 of 41'));
    expect(router.state.location.search).toBe('?page=2');

    await userEvent.selectOptions(screen.getByLabelText('Status'), 'error');
    expect(await screen.findByTestId('jobs-empty')).toHaveTextContent('No jobs with status “Failed”.');
    expect(calls).toContain('/api/jobs?page=0&size=20&status=error');
  });

  it('shows why the list could not be loaded', async () => {
    stubFetch({ '/api/jobs?page=0&size=20': { status: 503, body: { status: 503, title: 'Service Unavailable', detail: 'Database is starting.' } } });
    renderApp('/jobs', client);

    expect(await screen.findByTestId('jobs-error')).toHaveTextContent('Database is starting.');
  });
});
