import { describe, expect, it } from 'vitest';
import { applyJobEvent, emptyLiveState } from '../../../lib/realtime/job-live-state';
import { estimateEta, formatEta } from './eta';

const at = (pairs: Array<[number, number]>) => pairs.map(([seconds, progress]) => ({ at: 1_700_000_000 + seconds, progress }));

describe('estimateEta', () => {
  it('says nothing until the progress spans enough time and progress to measure a pace', () => {
    expect(estimateEta([])).toBeNull();
    expect(estimateEta(at([[0, 10]]))).toBeNull();
    // Two events a moment apart are noise, not a pace.
    expect(estimateEta(at([[0, 10], [0.5, 20]]))).toBeNull();
    // Time passes but nothing moves: no rate, no estimate (not "forever").
    expect(estimateEta(at([[0, 40], [10, 40]]))).toBeNull();
  });

  it('divides what is left by the measured rate, as of the newest event', () => {
    const eta = estimateEta(at([[0, 10], [5, 20], [10, 30]]));
    expect(eta).toEqual({ ratePerSecond: 2, remainingSeconds: 35, asOf: 1_700_000_010 });
  });

  it('follows the recent pace rather than the whole run', () => {
    // Fast at first (1 %/s), then 0.5 %/s for the last 40 s: the window sees only the slow part.
    const eta = estimateEta(at([[0, 0], [20, 20], [40, 30], [60, 40]]));
    expect(eta?.ratePerSecond).toBeCloseTo(0.5);
    expect(eta?.remainingSeconds).toBeCloseTo(120);
  });

  it('falls back to an older sample when the last window holds only one', () => {
    const eta = estimateEta(at([[0, 10], [100, 60]]));
    expect(eta?.ratePerSecond).toBeCloseTo(0.5);
    expect(eta?.remainingSeconds).toBeCloseTo(80);
  });

  it('gives no estimate for a finished job', () => {
    expect(estimateEta(at([[0, 50], [10, 100]]))).toBeNull();
  });

  it('is fed by job events and starts over when the job is requeued', () => {
    const event = (seq: number, stage: 'parsing' | 'queued', progress: number, seconds: number) => ({
      type: 'job_update' as const,
      job_id: 'j',
      seq,
      stage,
      progress,
      message: null,
      timestamp: 1_700_000_000 + seconds,
    });
    let state = emptyLiveState('j');
    for (const e of [event(1, 'parsing', 10, 0), event(2, 'parsing', 20, 5), event(3, 'parsing', 30, 10)]) state = applyJobEvent(state, e);
    expect(estimateEta(state.samples)?.remainingSeconds).toBe(35);

    state = applyJobEvent(state, event(4, 'queued', 30, 11));
    expect(state.samples).toEqual([]);
    expect(estimateEta(state.samples)).toBeNull();
  });
});

describe('formatEta', () => {
  it('rounds so the estimate does not look more precise than it is', () => {
    expect(formatEta(3)).toBe('a few seconds');
    expect(formatEta(37)).toBe('about 35 s');
    expect(formatEta(125)).toBe('about 2 min');
    expect(formatEta(3 * 3600 + 20 * 60)).toBe('about 3 h 20 min');
  });
});
