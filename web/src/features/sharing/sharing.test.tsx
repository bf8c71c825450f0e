import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RealtimeClient } from '../../lib/realtime/realtime-client';
import { problemAnswer, stubFetch } from '../../test/fetch-stub';
import { JOB_ID, job } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { jobUpdate, serverReceives, withTestServer, type TestServer } from '../../test/ws-server';

let ws: TestServer;
let client: RealtimeClient;

withTestServer((server, realtime) => {
  ws = server;
  client = realtime;
});

const shares = `/api/jobs/${JOB_ID}/shares`;
const links = `/api/jobs/${JOB_ID}/share-links`;

describe('share dialog', () => {
  it('shares with a person, removes them, and hands out a link once', async () => {
    // The server's side: what GET .../shares answers follows the changes made.
    let users: object[] = [];
    let linkList: object[] = [];
    const { requests } = stubFetch({
      [`/api/jobs/${JOB_ID}`]: { body: job({ access: 'owner', owner: 'ada' }) },
      [shares]: () => ({ body: { users, links: linkList } }),
      [`POST ${shares}`]: () => {
        const share = { username: 'bob', created_at: '2024-05-01T10:00:00Z' };
        users = [share];
        return { status: 201, body: share };
      },
      [`DELETE ${shares}/bob`]: () => {
        users = [];
        return { status: 204 };
      },
      [`POST ${links}`]: () => {
        linkList = [{ id: 'l1', created_at: '2024-05-01T10:01:00Z' }];
        return { status: 201, body: { id: 'l1', token: 'tok_abc', url: '/shared/tok_abc', created_at: '2024-05-01T10:01:00Z' } };
      },
      [`DELETE ${links}/l1`]: () => {
        linkList = [];
        return { status: 204 };
      },
    });
    renderApp(`/jobs/${JOB_ID}`, client);
    const share = await screen.findByRole('button', { name: 'Share' });

    await userEvent.click(share);
    const dialog = screen.getByRole('dialog', { name: 'Share this job' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    const name = await within(dialog).findByLabelText('User name');
    await waitFor(() => expect(name).toHaveFocus());

    await userEvent.type(name, 'bob');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add person' }));
    const people = await within(dialog).findByRole('list', { name: 'People with access' });
    expect(within(people).getByText('bob')).toBeInTheDocument();
    expect(requests.find((r) => r.method === 'POST' && r.path === shares)?.body).toEqual({ username: 'bob' });

    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove bob' }));
    await waitFor(() => expect(within(dialog).queryByRole('list', { name: 'People with access' })).not.toBeInTheDocument());
    expect(requests.some((r) => r.method === 'DELETE' && r.path === `${shares}/bob`)).toBe(true);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Create share link' }));
    expect(await within(dialog).findByLabelText('New share link')).toHaveValue(`${window.location.origin}/shared/tok_abc`);
    expect(within(dialog).getByTestId('new-share-link')).toHaveTextContent('it will not be shown again');
    const listed = within(dialog).getByRole('list', { name: 'Share links' });
    expect(within(listed).getAllByRole('listitem')).toHaveLength(1);

    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(share).toHaveFocus();

    await userEvent.click(share);
    const reopened = screen.getByRole('dialog', { name: 'Share this job' });
    expect(within(reopened).queryByLabelText('New share link')).not.toBeInTheDocument();
    await userEvent.click(await within(reopened).findByRole('button', { name: /^Revoke link created/ }));
    await waitFor(() => expect(within(reopened).queryByRole('list', { name: 'Share links' })).not.toBeInTheDocument());
    expect(requests.some((r) => r.method === 'DELETE' && r.path === `${links}/l1`)).toBe(true);
  });

  it('keeps keyboard focus inside the dialog', async () => {
    stubFetch({ [`/api/jobs/${JOB_ID}`]: { body: job({ access: 'owner' }) }, [shares]: { body: { users: [], links: [] } } });
    renderApp(`/jobs/${JOB_ID}`, client);
    await userEvent.click(await screen.findByRole('button', { name: 'Share' }));
    const dialog = screen.getByRole('dialog', { name: 'Share this job' });
    const first = await within(dialog).findByLabelText('User name');
    const close = within(dialog).getByRole('button', { name: 'Close' });

    close.focus();
    await userEvent.tab();
    expect(first).toHaveFocus();
    await userEvent.tab({ shift: true });
    expect(close).toHaveFocus();
  });

  it("shows the server's reason when the person does not exist", async () => {
    stubFetch({
      [`/api/jobs/${JOB_ID}`]: { body: job({ access: 'owner' }) },
      [shares]: { body: { users: [], links: [] } },
      [`POST ${shares}`]: problemAnswer(404, 'user_not_found', 'There is no user called zed.'),
    });
    renderApp(`/jobs/${JOB_ID}`, client);
    await userEvent.click(await screen.findByRole('button', { name: 'Share' }));

    await userEvent.type(await screen.findByLabelText('User name'), 'zed');
    await userEvent.click(screen.getByRole('button', { name: 'Add person' }));

    expect(await screen.findByTestId('share-user-error')).toHaveTextContent('There is no user called zed.');
  });

  it('shows who shared a job with the reader, without cancel or share', async () => {
    stubFetch({ [`/api/jobs/${JOB_ID}`]: { body: job({ access: 'shared', owner: 'alice' }) } });
    renderApp(`/jobs/${JOB_ID}`, client);

    expect(await screen.findByText('Shared with you by alice')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Share' })).not.toBeInTheDocument();
    expect(screen.queryByTestId('cancel-job')).not.toBeInTheDocument();
  });
});

describe('presence and revoked access on the job page', () => {
  async function openRunningJob() {
    stubFetch({ [`/api/jobs/${JOB_ID}`]: { body: job({ access: 'owner', owner: 'ada' }) } });
    renderApp(`/jobs/${JOB_ID}`, client);
    await serverReceives(ws, (m) => m.type === 'subscribe_job');
    await screen.findByRole('heading', { name: 'sales.csv' });
  }

  it('names the other people watching, not the reader, and nothing when alone', async () => {
    await openRunningJob();

    ws.send({ type: 'presence', job_id: JOB_ID, viewers: [{ username: 'ada' }, { username: 'bob' }, { username: 'carol' }] });
    await waitFor(() => expect(screen.getByTestId('presence')).toHaveTextContent(/^Also watching: bob, carol$/));

    ws.send({ type: 'presence', job_id: JOB_ID, viewers: [{ username: 'ada' }] });
    await waitFor(() => expect(screen.getByTestId('presence')).toBeEmptyDOMElement());
  });

  it('says so when the server ends the subscription because access was revoked', async () => {
    await openRunningJob();
    ws.send(jobUpdate(JOB_ID, 1, 'parsing', 10, 'Reading rows'));

    ws.send({ type: 'unsubscribed', channel: 'job', job_id: JOB_ID, reason: 'access_revoked' });

    expect(await screen.findByTestId('job-access-revoked')).toHaveTextContent('Your access to this job was revoked.');
    expect(client.isSubscribed(JOB_ID)).toBe(false);
  });

  it('says the job was deleted when its owner deleted it', async () => {
    await openRunningJob();

    ws.send({ type: 'unsubscribed', channel: 'job', job_id: JOB_ID, reason: 'job_deleted' });

    expect(await screen.findByTestId('job-access-revoked')).toHaveTextContent('This job was deleted by its owner.');
    expect(client.isSubscribed(JOB_ID)).toBe(false);
  });

  it('ignores an ordinary unsubscribed answer', async () => {
    await openRunningJob();

    ws.send({ type: 'unsubscribed', job_id: JOB_ID });
    ws.send(jobUpdate(JOB_ID, 1, 'parsing', 10, 'Still reading'));

    await waitFor(() => expect(screen.getByTestId('stage-message')).toHaveTextContent('Still reading'));
    expect(screen.queryByTestId('job-access-revoked')).not.toBeInTheDocument();
  });
});

describe('share links', () => {
  it('opens the job behind a link, replacing the link in the history', async () => {
    const { calls } = stubFetch({
      'POST /api/share-links/tok_abc/open': { body: { job_id: JOB_ID } },
      [`/api/jobs/${JOB_ID}`]: { body: job({ access: 'shared', owner: 'alice' }) },
    });
    const { router } = renderApp('/shared/tok_abc', client);

    await waitFor(() => expect(router.state.location.pathname).toBe(`/jobs/${JOB_ID}`));
    expect(router.state.historyAction).toBe('REPLACE');
    expect(await screen.findByText('Shared with you by alice')).toBeInTheDocument();
    expect(calls.filter((call) => call === 'POST /api/share-links/tok_abc/open')).toHaveLength(1);
  });

  it('explains a link that does not exist or was revoked', async () => {
    stubFetch({ 'POST /api/share-links/gone/open': problemAnswer(404, 'share_link_not_found', 'No such link.') });
    const { router } = renderApp('/shared/gone', client);

    expect(await screen.findByTestId('share-link-error')).toHaveTextContent('This share link does not exist or was revoked.');
    expect(router.state.location.pathname).toBe('/shared/gone');
  });
});

describe('job list', () => {
  it('tags the jobs others shared with the reader', async () => {
    const mine = job({ id: 'mine', file_name: 'mine.csv', access: 'owner', owner: 'ada', status: 'insights_ready', stage: 'insights_ready' });
    const theirs = job({ id: 'theirs', file_name: 'theirs.csv', access: 'shared', owner: 'alice', status: 'insights_ready', stage: 'insights_ready' });
    stubFetch({ '/api/jobs?page=0&size=20': { body: { items: [mine, theirs], page: 0, size: 20, total: 2 } } });
    renderApp('/jobs', client);

    const row = await screen.findByRole('row', { name: /theirs\.csv/ });
    expect(within(row).getByTestId('shared-tag')).toHaveTextContent('shared by alice');
    expect(within(screen.getByRole('row', { name: /mine\.csv/ })).queryByTestId('shared-tag')).not.toBeInTheDocument();
  });
});
