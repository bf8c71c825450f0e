import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sessionKeys } from '../../lib/api/session';
import type { RealtimeClient } from '../../lib/realtime/realtime-client';
import { problemAnswer, stubFetch } from '../../test/fetch-stub';
import { JOB_ID, job, signedInUser, user } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { withTestServer, type TestServer } from '../../test/ws-server';
import { safeNextPath } from './next-path';

let ws: TestServer;
let client: RealtimeClient;

withTestServer((server, realtime) => {
  ws = server;
  client = realtime;
});

async function signInAs(username: string, password: string) {
  await userEvent.type(await screen.findByLabelText('User name'), username);
  await userEvent.type(screen.getByLabelText('Password'), password);
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

function connected(): Promise<void> {
  return waitFor(() => expect(client.getConnectionStatus().state).toBe('connected'));
}

describe('sign-in page', () => {
  it('signs in and goes back to the page the reader came from', async () => {
    const { requests } = stubFetch({
      'POST /api/auth/login': { body: { id: 7, username: 'bob', role: 'ANALYST' } },
      [`/api/jobs/${JOB_ID}`]: { body: job() },
    });
    const { router } = renderApp(`/login?next=${encodeURIComponent(`/jobs/${JOB_ID}`)}`, client, { user: null });

    await signInAs('bob', 'correct horse battery');

    await waitFor(() => expect(router.state.location.pathname).toBe(`/jobs/${JOB_ID}`));
    expect(await screen.findByRole('heading', { name: 'sales.csv' })).toBeInTheDocument();
    expect(requests.find((r) => r.path === '/api/auth/login')?.body).toEqual({ username: 'bob', password: 'correct horse battery' });
    expect(screen.getByTestId('current-user-name')).toHaveTextContent('bob');
    expect(screen.getByTestId('current-user-role')).toHaveTextContent('Analyst');
  });

  it('opens the live connection again once signed in, as the signed-in user', async () => {
    stubFetch({ 'POST /api/auth/login': { body: signedInUser }, '/api/jobs?page=0&size=20': { body: { items: [], page: 0, size: 20, total: 0 } } });
    renderApp('/login?next=/jobs', client, { user: null });
    await connected();

    await signInAs('ada', 'a long password');

    await waitFor(() => expect(ws.connections).toHaveLength(2));
  });

  it('says the name or password is wrong and stays on the page', async () => {
    stubFetch({ 'POST /api/auth/login': problemAnswer(401, 'invalid_credentials', 'Bad credentials') });
    const { router } = renderApp('/login?next=/jobs', client, { user: null });

    await signInAs('bob', 'wrong');

    expect(await screen.findByTestId('sign-in-error')).toHaveTextContent('Wrong user name or password.');
    expect(router.state.location.pathname).toBe('/login');
  });

  it('says how long to wait after too many attempts', async () => {
    stubFetch({ 'POST /api/auth/login': problemAnswer(429, 'too_many_attempts', 'Locked out.', { 'Retry-After': '8' }) });
    renderApp('/login', client, { user: null });

    await signInAs('bob', 'wrong again');

    expect(await screen.findByTestId('sign-in-error')).toHaveTextContent('Too many failed attempts. Try again in 8 seconds.');
  });

  it('only goes on to paths on this site', () => {
    expect(safeNextPath('/jobs/1?tab=report#top')).toBe('/jobs/1?tab=report#top');
    expect(safeNextPath('//evil.example/jobs')).toBe('/');
    expect(safeNextPath('/\\evil.example')).toBe('/');
    expect(safeNextPath('/\t/evil.example')).toBe('/');
    expect(safeNextPath('https://evil.example/')).toBe('/');
    expect(safeNextPath('javascript:alert(1)')).toBe('/');
    expect(safeNextPath('/login')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
  });

  it('ignores a next that leads off the site', async () => {
    stubFetch({ 'POST /api/auth/login': { body: signedInUser } });
    const { router } = renderApp(`/login?next=${encodeURIComponent('//evil.example/x')}`, client, { user: null });

    await signInAs('ada', 'a long password');

    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(await screen.findByRole('heading', { name: 'Analyze a CSV file' })).toBeInTheDocument();
  });
});

describe('route guard', () => {
  it('sends a reader who is not signed in to sign in, remembering the page', async () => {
    stubFetch({ '/api/auth/me': problemAnswer(401, 'unauthenticated', 'Not signed in.') });
    const { router } = renderApp('/jobs?status=error', client, { user: null });

    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/jobs?status=error');
  });

  it('shows the page to a signed-in reader', async () => {
    stubFetch({ '/api/auth/me': { body: signedInUser }, '/api/jobs?page=0&size=20': { body: { items: [], page: 0, size: 20, total: 0 } } });
    const { router } = renderApp('/jobs', client, { user: null });

    expect(await screen.findByTestId('jobs-empty')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/jobs');
  });

  it('sends the reader to sign in when any request answers 401', async () => {
    stubFetch({ '/api/jobs?page=0&size=20': problemAnswer(401, 'unauthenticated', 'Session expired.') });
    const { router } = renderApp('/jobs', client);

    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(router.state.location.search).toBe('?next=%2Fjobs');
  });

  it('sends the reader to sign in when the live connection is closed with 4401', async () => {
    stubFetch({ '/api/jobs?page=0&size=20': { body: { items: [], page: 0, size: 20, total: 0 } } });
    const { router } = renderApp('/jobs', client);
    await connected();

    ws.connections[0]?.close(4401, 'Not signed in');

    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(router.state.location.search).toBe('?next=%2Fjobs');
  });

  it('says the account was disabled when the live connection is closed with 4403', async () => {
    stubFetch({ '/api/jobs?page=0&size=20': { body: { items: [], page: 0, size: 20, total: 0 } } });
    const { router } = renderApp('/jobs', client);
    await connected();

    ws.connections[0]?.close(4403, 'User disabled');

    expect(await screen.findByTestId('access-revoked')).toHaveTextContent('Your account was disabled or your access revoked.');
    expect(router.state.location.pathname).toBe('/jobs');
  });
});

describe('role changes', () => {
  it('reads the user again when the server says their role changed (close 4001)', async () => {
    stubFetch({ '/api/auth/me': { body: user({ role: 'VIEWER' }) } });
    renderApp('/', client);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Upload' })).toBeInTheDocument();
    await connected();

    ws.connections[0]?.close(4001, 'Your role changed; reconnect');

    await waitFor(() => expect(screen.getByTestId('current-user-role')).toHaveTextContent('Viewer'));
    expect(within(nav).queryByRole('link', { name: 'Upload' })).not.toBeInTheDocument();
    expect(screen.getByTestId('upload-not-allowed')).toBeInTheDocument();
    await waitFor(() => expect(ws.connections).toHaveLength(2));
  });
});

describe('signed-in header', () => {
  it('signs out: tells the server, forgets everything cached and goes to the sign-in page', async () => {
    const { calls } = stubFetch({
      'POST /api/auth/logout': { status: 204 },
      '/api/jobs?page=0&size=20': { body: { items: [job()], page: 0, size: 20, total: 1 } },
    });
    const { router, queryClient } = renderApp('/jobs', client);
    await screen.findByTestId('job-list');

    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(router.state.location.search).toBe('');
    expect(calls).toContain('POST /api/auth/logout');
    expect(queryClient.getQueryData(sessionKeys.me)).toBeUndefined();
    expect(queryClient.getQueryCache().getAll()).toEqual([]);
    expect(client.getConnectionStatus().state).toBe('offline');
  });

  it('shows administrators every page', async () => {
    stubFetch({});
    renderApp('/', client);

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual(['Upload', 'Jobs', 'Real-Time Monitor', 'Users']);
    expect(screen.getByTestId('current-user-name')).toHaveTextContent('ada');
    expect(screen.getByTestId('current-user-role')).toHaveTextContent('Administrator');
  });

  it('hides the monitor and users pages from analysts, and explains if they go there anyway', async () => {
    const { calls } = stubFetch({});
    renderApp('/monitor', client, { user: user({ role: 'ANALYST' }) });

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual(['Upload', 'Jobs']);
    expect(screen.getByRole('heading', { name: 'Administrators only' })).toBeInTheDocument();
    expect(calls.filter((path) => path.startsWith('/api/system'))).toEqual([]);
  });

  it('offers viewers no upload, and says why', async () => {
    stubFetch({});
    renderApp('/', client, { user: user({ role: 'VIEWER', username: 'vic' }) });

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual(['Jobs']);
    expect(screen.getByTestId('upload-not-allowed')).toHaveTextContent('Viewers can only see jobs that others have shared with them.');
    expect(screen.queryByTestId('file-input')).not.toBeInTheDocument();
  });
});
