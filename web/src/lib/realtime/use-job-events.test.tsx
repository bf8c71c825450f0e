import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobUpdate, serverReceives, startTestServer, testClient, type TestServer } from '../../test/ws-server';
import { RealtimeProvider } from './context';
import type { RealtimeClient } from './realtime-client';
import { useJobEvents } from './use-job-events';

const JOB = 'job-1';
let ws: TestServer;
let client: RealtimeClient;
let renders = 0;

function Probe({ jobId }: { jobId: string }) {
  const live = useJobEvents(jobId, { throttleMs: 50 });
  renders += 1;
  return (
    <p data-testid="probe">
      {live.stage ?? 'none'} {live.progress ?? '-'} {live.stages.profiling?.eventCount ?? 0}
    </p>
  );
}

beforeEach(async () => {
  renders = 0;
  ws = await startTestServer();
  client = testClient(ws.url);
});

afterEach(async () => {
  client.disconnect();
  await ws.stop();
});

describe('useJobEvents', () => {
  it('folds a burst of updates into a few renders that end on the latest state', async () => {
    render(
      <RealtimeProvider client={client}>
        <Probe jobId={JOB} />
      </RealtimeProvider>,
    );
    await serverReceives(ws, (m) => m.type === 'subscribe_job');
    const before = renders;

    for (let seq = 1; seq <= 500; seq += 1) ws.send(jobUpdate(JOB, seq, 'profiling', seq / 5, `column ${seq}`));

    await waitFor(() => expect(screen.getByTestId('probe')).toHaveTextContent('profiling 100 500'));
    expect(renders - before).toBeLessThan(25);
  });

  it('removes its listeners and unsubscribes on unmount', async () => {
    const view = render(
      <RealtimeProvider client={client}>
        <Probe jobId={JOB} />
      </RealtimeProvider>,
    );
    await serverReceives(ws, (m) => m.type === 'subscribe_job');
    // update, complete, error and revoked
    expect(client.jobListenerCount(JOB)).toBe(4);

    act(() => view.rerender(<RealtimeProvider client={client}>{null}</RealtimeProvider>));

    await serverReceives(ws, (m) => m.type === 'unsubscribe_job' && m.job_id === JOB);
    expect(client.jobListenerCount(JOB)).toBe(0);
    expect(client.isSubscribed(JOB)).toBe(false);
  });
});
