import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RealtimeClient } from '../../../lib/realtime/realtime-client';
import { installFakeXhr } from '../../../test/fake-xhr';
import { stubFetch } from '../../../test/fetch-stub';
import { JOB_ID, job } from '../../../test/fixtures';
import { renderApp } from '../../../test/render';
import { withTestServer } from '../../../test/ws-server';

let client: RealtimeClient;

withTestServer((_server, realtime) => {
  client = realtime;
});

function csv(name: string, content = 'a,b\n1,2\n'): File {
  return new File([content], name, { type: 'text/csv' });
}

describe('UploadPage', () => {
  it('shows upload progress, then opens the job when a single file is accepted', async () => {
    const xhr = installFakeXhr();
    stubFetch({ [`/api/jobs/${JOB_ID}`]: { body: job({ status: 'queued', stage: 'queued', progress: 0, message: null, started_at: null }) } });
    const { router } = renderApp('/', client);

    await userEvent.upload(screen.getByTestId('file-input'), csv('sales.csv'));
    const request = xhr.instances[0];
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/api/jobs');
    expect(request?.fileName()).toBe('sales.csv');

    act(() => request?.progress(4, 8));
    expect(screen.getByTestId('upload-progress')).toHaveAttribute('aria-valuenow', '50');

    act(() => request?.respond(202, { job_id: JOB_ID, status: 'queued', ws_url: `/ws/job/${JOB_ID}` }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/jobs/${JOB_ID}`));
    expect(await screen.findByRole('heading', { name: 'sales.csv' })).toBeInTheDocument();
  });

  it("shows the problem's detail when the server rejects a file", async () => {
    const xhr = installFakeXhr();
    renderApp('/', client);

    await userEvent.upload(screen.getByTestId('file-input'), csv('empty.csv', ''));
    act(() =>
      xhr.instances[0]?.respond(400, {
        type: 'https://sygnify.io/problems/empty-file',
        title: 'Bad Request',
        status: 400,
        detail: 'The uploaded file empty.csv is empty (0 bytes).',
        code: 'empty_file',
      }),
    );

    expect(await screen.findByTestId('upload-error')).toHaveTextContent('The uploaded file empty.csv is empty (0 bytes).');
  });

  it('starts one job per file and stays on the page when several are chosen', async () => {
    const xhr = installFakeXhr();
    const { router } = renderApp('/', client);

    await userEvent.upload(screen.getByTestId('file-input'), [csv('a.csv'), csv('b.csv')]);
    expect(xhr.instances.map((request) => request.fileName())).toEqual(['a.csv', 'b.csv']);

    act(() => xhr.instances[0]?.respond(202, { job_id: 'job-a', status: 'queued' }));
    act(() => xhr.instances[1]?.respond(413, { status: 413, detail: 'b.csv is larger than the 100 MB limit.', code: 'file_too_large' }));

    expect(await screen.findByRole('link', { name: /follow the analysis of a\.csv/i })).toHaveAttribute('href', '/jobs/job-a');
    expect(screen.getByTestId('upload-error')).toHaveTextContent('b.csv is larger than the 100 MB limit.');
    expect(router.state.location.pathname).toBe('/');
  });
});
