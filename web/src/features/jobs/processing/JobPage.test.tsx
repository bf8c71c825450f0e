import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { RealtimeClient } from '../../../lib/realtime/realtime-client';
import { stubFetch } from '../../../test/fetch-stub';
import { JOB_ID, insights, job } from '../../../test/fixtures';
import { renderApp } from '../../../test/render';
import { jobUpdate, messagesOfType, serverReceives, withTestServer, type TestServer } from '../../../test/ws-server';

let ws: TestServer;
let client: RealtimeClient;

withTestServer((server, realtime) => {
  ws = server;
  client = realtime;
});

function stageStates(): Record<string, string | null> {
  const names = ['queued', 'parsing', 'profiling', 'analyzing', 'insights_ready'];
  return Object.fromEntries(names.map((name) => [name, screen.getByTestId(`stage-${name}`).getAttribute('data-state')]));
}

async function openRunningJob(extra: Parameters<typeof stubFetch>[0] = {}) {
  const { calls } = stubFetch({ [`/api/jobs/${JOB_ID}`]: { body: job() }, ...extra });
  const view = renderApp(`/jobs/${JOB_ID}`, client);
  const subscribe = await serverReceives(ws, (m) => m.type === 'subscribe_job');
  return { ...view, subscribe, calls };
}

describe('JobPage', () => {
  it('fetches the job, then follows its stages and progress from live events', async () => {
    const { subscribe } = await openRunningJob();
    expect(subscribe.message).toEqual({ type: 'subscribe_job', job_id: JOB_ID, last_seq: 0 });
    expect(screen.getByRole('heading', { name: 'sales.csv' })).toBeInTheDocument();

    ws.send(jobUpdate(JOB_ID, 1, 'parsing', 5, 'Reading rows'));
    ws.send(jobUpdate(JOB_ID, 2, 'profiling', 25, 'Profiling column 3 of 12'));

    await waitFor(() => expect(screen.getByTestId('stage-message')).toHaveTextContent('Profiling column 3 of 12'));
    expect(screen.getByTestId('progress-bar')).toHaveAttribute('aria-valuenow', '25');
    expect(stageStates()).toEqual({
      queued: 'done',
      parsing: 'done',
      profiling: 'active',
      analyzing: 'pending',
      insights_ready: 'pending',
    });
    // Parsing began at event 1 and ended when profiling began at event 2, one second later.
    expect(within(screen.getByTestId('stage-parsing')).getByTestId('stage-duration')).toHaveTextContent('1 s');
    expect(within(screen.getByTestId('stage-parsing')).getByText('Reading rows')).toBeInTheDocument();
  });

  it('shows the report carried by job_complete without fetching it again', async () => {
    await openRunningJob();

    ws.send({
      type: 'job_complete',
      job_id: JOB_ID,
      seq: 9,
      stage: 'insights_ready',
      progress: 100,
      message: 'Analysis complete.',
      insights,
      timestamp: 1_700_000_020,
    });

    const summary = await screen.findByTestId('dataset-summary');
    expect(summary).toHaveTextContent('1,000');
    expect(summary).toHaveTextContent('comma (,)');
    expect(summary).toHaveTextContent('12.1 KB');
    expect(summary).toHaveTextContent('UTF-8');
    expect(within(screen.getByTestId('column-profiles')).getAllByTestId('column-row')).toHaveLength(3);
    expect(screen.getByTestId('progress-bar')).toHaveAttribute('aria-valuenow', '100');
    expect(screen.getByTestId('stage-insights_ready')).toHaveAttribute('data-state', 'done');
    expect(screen.getByTestId('stage-analyzing')).toHaveAttribute('data-state', 'done');
    const fetched = vi.mocked(fetch).mock.calls.map(([input]) => String(input));
    expect(fetched.filter((path) => path.endsWith('/insights'))).toEqual([]);
  });

  it('shows the failure message and marks the stage that failed', async () => {
    await openRunningJob();

    ws.send(jobUpdate(JOB_ID, 2, 'profiling', 40, 'Profiling column 2 of 3'));
    ws.send({
      type: 'job_error',
      job_id: JOB_ID,
      seq: 3,
      stage: 'error',
      progress: 0,
      message: 'Processing failed: Row at line 5 has 4 fields, expected 3.',
      timestamp: 1_700_000_005,
    });

    const panel = await screen.findByTestId('job-error');
    expect(panel).toHaveTextContent('Processing failed: Row at line 5 has 4 fields, expected 3.');
    expect(within(panel).getByTestId('job-error-advice')).toHaveTextContent('Check the file and upload it again.');
    expect(within(panel).getByRole('link', { name: 'Upload another file' })).toHaveAttribute('href', '/');
    expect(screen.getByTestId('stage-profiling')).toHaveAttribute('data-state', 'failed');
    expect(screen.getByTestId('stage-analyzing')).toHaveAttribute('data-state', 'pending');
  });

  it('loads the report of an already finished job over REST, without subscribing', async () => {
    stubFetch({
      [`/api/jobs/${JOB_ID}`]: {
        body: job({ status: 'insights_ready', stage: 'insights_ready', progress: 100, message: 'Analysis complete.', finished_at: '2024-01-01T10:00:09Z' }),
      },
      [`/api/jobs/${JOB_ID}/insights`]: { body: insights },
    });
    renderApp(`/jobs/${JOB_ID}`, client);

    expect(await screen.findByTestId('column-profiles')).toBeInTheDocument();
    expect(screen.getByTestId('stage-message')).toHaveTextContent('Analysis complete.');
    expect(stageStates()).toEqual({ queued: 'done', parsing: 'done', profiling: 'done', analyzing: 'done', insights_ready: 'done' });
    expect(messagesOfType(ws, 'subscribe_job')).toEqual([]);
  });

  it('says so when the job was cancelled', async () => {
    await openRunningJob();

    ws.send({ type: 'job_error', job_id: JOB_ID, seq: 4, stage: 'cancelled', progress: 10, message: 'Cancelled by user.' });

    expect(await screen.findByTestId('job-cancelled')).toHaveTextContent('Cancelled by user.');
    expect(screen.queryByTestId('job-error')).not.toBeInTheDocument();
    expect(screen.getByTestId('stage-parsing')).toHaveAttribute('data-state', 'failed');
  });

  it('explains a job the server does not know', async () => {
    stubFetch({});
    renderApp('/jobs/missing', client);

    expect(await screen.findByTestId('job-load-error')).toHaveTextContent('Job not found');
  });

  it('estimates the time left from the pace of the progress events, once there is one', async () => {
    await openRunningJob();

    ws.send({ ...jobUpdate(JOB_ID, 1, 'parsing', 10, 'Reading rows'), timestamp: 1_700_000_000 });
    await waitFor(() => expect(screen.getByTestId('eta')).toHaveAttribute('data-state', 'measuring'));

    ws.send({ ...jobUpdate(JOB_ID, 2, 'parsing', 20, 'Reading rows'), timestamp: 1_700_000_005 });
    ws.send({ ...jobUpdate(JOB_ID, 3, 'parsing', 30, 'Reading rows'), timestamp: 1_700_000_010 });

    await waitFor(() => expect(screen.getByTestId('eta')).toHaveAttribute('data-seconds', '35'));
    expect(screen.getByTestId('eta')).toHaveTextContent('Time left: about 35 s');
    // The stage still running shows how long it has run so far, by the server's clock.
    expect(within(screen.getByTestId('stage-parsing')).getByTestId('stage-duration')).toHaveTextContent('10 s so far');
  });

  it('cancels a running job and shows it cancelled when the server confirms', async () => {
    const { calls } = await openRunningJob({ [`POST /api/jobs/${JOB_ID}/cancel`]: { status: 202, body: job({ progress: 12 }) } });
    ws.send(jobUpdate(JOB_ID, 1, 'parsing', 12, 'Reading rows'));
    const cancel = await screen.findByRole('button', { name: 'Cancel the analysis of sales.csv' });

    await userEvent.click(cancel);

    await waitFor(() => expect(cancel).toHaveTextContent('Cancelling…'));
    expect(cancel).toBeDisabled();
    expect(calls).toContain(`POST /api/jobs/${JOB_ID}/cancel`);

    ws.send({ type: 'job_error', job_id: JOB_ID, seq: 2, stage: 'cancelled', progress: 12, message: 'Cancelled by user.', code: 'cancelled', timestamp: 1_700_000_003 });

    expect(await screen.findByTestId('job-cancelled')).toHaveTextContent('Cancelled by user.');
    expect(screen.getByTestId('job-status')).toHaveTextContent('Cancelled');
    // Ended: it can no longer be cancelled, only deleted.
    expect(screen.queryByTestId('cancel-job')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete sales.csv' })).toBeEnabled();
    expect(screen.queryByTestId('eta')).not.toBeInTheDocument();
  });

  it('offers no delete while the job runs', async () => {
    await openRunningJob();
    expect(await screen.findByRole('button', { name: 'Cancel the analysis of sales.csv' })).toBeEnabled();
    expect(screen.queryByTestId('delete-job')).not.toBeInTheDocument();
  });

  it('deletes a finished job after asking, then shows the job list', async () => {
    const { calls } = stubFetch({
      [`/api/jobs/${JOB_ID}`]: { body: job({ status: 'insights_ready', stage: 'insights_ready', progress: 100, finished_at: '2024-01-01T10:00:09Z' }) },
      [`/api/jobs/${JOB_ID}/insights`]: { body: insights },
      [`DELETE /api/jobs/${JOB_ID}`]: { status: 204 },
      '/api/jobs?page=0&size=20': { body: { items: [], page: 0, size: 20, total: 0 } },
    });
    renderApp(`/jobs/${JOB_ID}`, client);

    await userEvent.click(await screen.findByRole('button', { name: 'Delete sales.csv' }));
    const confirm = screen.getByRole('group', { name: 'Delete sales.csv?' });
    expect(confirm).toHaveTextContent('This cannot be undone.');
    expect(calls).not.toContain(`DELETE /api/jobs/${JOB_ID}`);
    await userEvent.click(within(confirm).getByRole('button', { name: 'Delete for good' }));

    await waitFor(() => expect(calls).toContain(`DELETE /api/jobs/${JOB_ID}`));
    expect(await screen.findByRole('heading', { name: 'Jobs' })).toBeInTheDocument();
  });

  it('keeps the job when the owner changes their mind, and says why a delete failed', async () => {
    stubFetch({
      [`/api/jobs/${JOB_ID}`]: { body: job({ status: 'cancelled', stage: 'cancelled', message: 'Cancelled by user.' }) },
      [`DELETE /api/jobs/${JOB_ID}`]: { status: 409, body: { status: 409, code: 'job_running', detail: 'Job is still parsing; cancel it first, then delete it.' } },
    });
    renderApp(`/jobs/${JOB_ID}`, client);

    await userEvent.click(await screen.findByRole('button', { name: 'Delete sales.csv' }));
    await userEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(screen.queryByRole('group', { name: 'Delete sales.csv?' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Delete sales.csv' }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete for good' }));
    expect(await screen.findByTestId('delete-error')).toHaveTextContent('cancel it first');
    expect(screen.getByRole('heading', { name: 'sales.csv' })).toBeInTheDocument();
  });

  it('says so when the job had already ended before the cancel arrived', async () => {
    await openRunningJob({
      [`POST /api/jobs/${JOB_ID}/cancel`]: { status: 409, body: { status: 409, code: 'job_finished', detail: 'Job has already ended (insights_ready).' } },
    });

    await userEvent.click(await screen.findByRole('button', { name: /cancel the analysis/i }));

    expect(await screen.findByTestId('cancel-error')).toHaveTextContent('The job had already ended.');
  });

  it('tells what to do next for a known failure', async () => {
    await openRunningJob();

    ws.send({ type: 'job_error', job_id: JOB_ID, seq: 2, stage: 'error', progress: 1, code: 'header_only', message: 'Processing failed: The file has a header (2 columns: a, b) but no data rows.' });

    const panel = await screen.findByTestId('job-error');
    expect(panel).toHaveAttribute('data-code', 'header_only');
    expect(within(panel).getByTestId('job-error-advice')).toHaveTextContent('Add the data under the header and upload it again.');
    expect(screen.queryByRole('button', { name: /cancel the analysis/i })).not.toBeInTheDocument();
  });

  it('shows report sections that arrive before the report', async () => {
    await openRunningJob();

    ws.send({
      ...jobUpdate(JOB_ID, 2, 'profiling', 40, 'Report section ready: rejects'),
      partial: { rejects: { rows_present: 12, rows_read: 10, rows_rejected: 2, footer_rows: [], rows: [] } },
    });

    expect(await screen.findByTestId('rejects-summary')).toHaveTextContent('10 of 12 rows were read');
    expect(screen.getByTestId('partial-report')).toBeInTheDocument();
  });
});
