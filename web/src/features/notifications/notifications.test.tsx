import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RealtimeClient } from '../../lib/realtime/realtime-client';
import { stubFetch } from '../../test/fetch-stub';
import { JOB_ID, job } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { serverReceives, startTestServer, testClient, type TestServer } from '../../test/ws-server';
import { STORAGE_KEY } from './job-notifications';

class FakeNotification {
  static permission: NotificationPermission = 'default';
  static shown: Array<{ title: string; body: string | undefined }> = [];
  static requestPermission = vi.fn(async () => {
    FakeNotification.permission = 'granted';
    return 'granted' as const;
  });
  onclick: (() => void) | null = null;
  constructor(title: string, options?: NotificationOptions) {
    FakeNotification.shown.push({ title, body: options?.body });
  }
  close() {}
}

let ws: TestServer;
let client: RealtimeClient;
let hidden = false;

beforeEach(async () => {
  ws = await startTestServer();
  client = testClient(ws.url);
  FakeNotification.permission = 'default';
  FakeNotification.shown = [];
  vi.stubGlobal('Notification', FakeNotification);
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => (hidden ? 'hidden' : 'visible'));
  window.localStorage.removeItem(STORAGE_KEY);
});

afterEach(async () => {
  client.disconnect();
  await ws.stop();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  hidden = false;
});

describe('job notifications', () => {
  it('asks for permission only when turned on, then notifies when a followed job ends in a hidden tab', async () => {
    stubFetch({ [`/api/jobs/${JOB_ID}`]: { body: job() } });
    renderApp(`/jobs/${JOB_ID}`, client);
    await serverReceives(ws, (m) => m.type === 'subscribe_job');
    expect(FakeNotification.requestPermission).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Notify me' }));
    await waitFor(() => expect(screen.getByTestId('notifications-toggle')).toHaveAttribute('aria-pressed', 'true'));
    expect(window.localStorage.getItem(STORAGE_KEY)).toBe('on');

    ws.send({ type: 'job_update', job_id: JOB_ID, seq: 1, stage: 'parsing', progress: 10, message: 'visible tab', timestamp: 1 });
    hidden = true;
    ws.send({ type: 'job_error', job_id: JOB_ID, seq: 2, stage: 'error', progress: 10, message: 'Row 5 is broken.', code: 'malformed_row', timestamp: 2 });

    await waitFor(() => expect(FakeNotification.shown).toEqual([{ title: 'sales.csv: analysis failed', body: 'Row 5 is broken.' }]));
  });

  it('stays quiet while the tab is visible', async () => {
    FakeNotification.permission = 'granted';
    window.localStorage.setItem(STORAGE_KEY, 'on');
    stubFetch({ [`/api/jobs/${JOB_ID}`]: { body: job() } });
    renderApp(`/jobs/${JOB_ID}`, client);
    await serverReceives(ws, (m) => m.type === 'subscribe_job');

    ws.send({ type: 'job_error', job_id: JOB_ID, seq: 2, stage: 'cancelled', progress: 10, message: 'Cancelled by user.', timestamp: 2 });

    expect(await screen.findByTestId('job-cancelled')).toBeInTheDocument();
    expect(FakeNotification.shown).toEqual([]);
  });
});
