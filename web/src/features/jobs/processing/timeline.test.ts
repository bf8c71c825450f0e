import { describe, expect, it } from 'vitest';
import type { JobStatus } from '../../../lib/api/job';
import { applyJobEvent, emptyLiveState, type JobLiveState } from '../../../lib/realtime/job-live-state';
import { job } from '../../../test/fixtures';
import { buildTimeline, stageHistory } from './timeline';

function live(...events: Array<[number, JobStatus, number]>): JobLiveState {
  return events.reduce(
    (state, [seq, stage, timestamp]) =>
      applyJobEvent(state, {
        type: 'job_update',
        job_id: 'j',
        seq,
        stage,
        progress: seq,
        message: `${stage} ${seq}`,
        timestamp,
      }),
    emptyLiveState('j'),
  );
}

const states = (items: ReturnType<typeof buildTimeline>) => items.map((item) => `${item.stage}:${item.state}`);

describe('buildTimeline', () => {
  it('marks earlier stages done and times them from the first event of the next stage', () => {
    const items = buildTimeline('analyzing', job(), live([1, 'parsing', 100], [2, 'parsing', 101], [3, 'profiling', 103.5], [4, 'analyzing', 110]));

    expect(states(items)).toEqual(['queued:done', 'parsing:done', 'profiling:done', 'analyzing:active', 'insights_ready:pending']);
    expect(items.map((item) => item.durationSeconds)).toEqual([null, 3.5, 6.5, null, null]);
    expect(items[1]?.messages).toEqual(['parsing 1', 'parsing 2']);
  });

  it('times and describes the stages of a job opened after it ran from its event log', () => {
    const logged = stageHistory({
      stages: [
        { stage: 'queued', started_at: '2024-01-01T10:00:00Z', messages: ['Queued'] },
        { stage: 'parsing', started_at: '2024-01-01T10:00:01Z', messages: ['Checking the file', 'Read 200 rows'] },
        { stage: 'profiling', started_at: '2024-01-01T10:00:04Z', messages: [] },
        { stage: 'analyzing', started_at: '2024-01-01T10:00:04.500Z', messages: ['Relationships'] },
        { stage: 'insights_ready', started_at: '2024-01-01T10:00:06Z', messages: ['Analysis complete.'] },
      ],
    });
    const finished = job({ status: 'insights_ready', stage: 'insights_ready', created_at: '2024-01-01T10:00:00Z', started_at: '2024-01-01T10:00:01Z', finished_at: '2024-01-01T10:00:06Z' });

    const items = buildTimeline('insights_ready', finished, emptyLiveState('j'), logged);

    expect(states(items)).toEqual(['queued:done', 'parsing:done', 'profiling:done', 'analyzing:done', 'insights_ready:done']);
    expect(items.map((item) => item.durationSeconds)).toEqual([1, 3, 0.5, 1.5, null]);
    expect(items[1]?.messages).toEqual(['Checking the file', 'Read 200 rows']);
    expect(items[4]?.messages).toEqual(['Analysis complete.']);
  });

  it('prefers what it saw live to the event log', () => {
    const logged = stageHistory({ stages: [{ stage: 'parsing', started_at: '1970-01-01T00:00:50Z', messages: ['logged'] }] });

    const items = buildTimeline('analyzing', job(), live([1, 'parsing', 100], [3, 'profiling', 103.5], [4, 'analyzing', 110]), logged);

    expect(items[1]).toMatchObject({ durationSeconds: 3.5, messages: ['parsing 1'] });
  });

  it('times the queue from the job timestamps when no queued event was seen', () => {
    const items = buildTimeline('parsing', job({ created_at: '2024-01-01T10:00:00Z', started_at: '2024-01-01T10:00:02.500Z' }), emptyLiveState('j'));

    expect(items[0]).toMatchObject({ state: 'done', durationSeconds: 2.5 });
    expect(items[1]?.state).toBe('active');
  });

  it('marks the stage a failed job stopped in, and only what is known before it', () => {
    expect(states(buildTimeline('error', job(), live([1, 'profiling', 1], [2, 'error', 2])))).toEqual([
      'queued:done',
      'parsing:done',
      'profiling:failed',
      'analyzing:pending',
      'insights_ready:pending',
    ]);
    // Loaded after the fact, with no stage to go on: only leaving the queue is known.
    expect(states(buildTimeline('error', job({ status: 'error', stage: 'error' }), emptyLiveState('j')))).toEqual([
      'queued:done',
      'parsing:pending',
      'profiling:pending',
      'analyzing:pending',
      'insights_ready:pending',
    ]);
  });

  it('ignores a replayed event it has already folded in', () => {
    const state = live([1, 'parsing', 1], [2, 'profiling', 2], [2, 'profiling', 2], [1, 'parsing', 1]);
    expect(state.stages.profiling?.eventCount).toBe(1);
    expect(state.stages.parsing?.eventCount).toBe(1);
    expect(state.stage).toBe('profiling');
  });
});
