import { PIPELINE_STAGES, isPipelineStage, type Job, type JobStatus, type PipelineStage } from '../../../lib/api/job';
import type { StageTimeline } from '../../../lib/api/get-job-timeline';
import type { JobLiveState } from '../../../lib/realtime/job-live-state';

export type StageState = 'pending' | 'active' | 'done' | 'failed';

export interface TimelineItem {
  stage: PipelineStage;
  state: StageState;
  /**
   * Seconds spent in the stage, when the server's timestamps tell both ends; for the active stage, the time
   * from its first event to the newest event (so far).
   */
  durationSeconds: number | null;
  messages: string[];
}

function epochSeconds(iso: string | null): number | null {
  if (!iso) return null;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : time / 1000;
}

/** What the event log says of each stage (its latest run, when a job was started again). */
export type StageHistory = Partial<Record<JobStatus, { startedAt: number | null; messages: string[] }>>;

export function stageHistory(timeline: StageTimeline | undefined): StageHistory {
  const history: StageHistory = {};
  for (const entry of timeline?.stages ?? []) {
    history[entry.stage as JobStatus] = { startedAt: epochSeconds(entry.started_at), messages: entry.messages };
  }
  return history;
}

/** When a stage began: its first live event, else the event log, else the job timestamp that marks it. */
function stageStart(stage: PipelineStage, job: Job, live: JobLiveState, status: JobStatus, history: StageHistory): number | null {
  const fromEvents = live.stages[stage]?.firstAt ?? history[stage]?.startedAt;
  if (fromEvents !== undefined && fromEvents !== null) return fromEvents;
  switch (stage) {
    case 'queued':
      return epochSeconds(job.created_at);
    case 'parsing':
      return epochSeconds(job.started_at);
    case 'insights_ready':
      return status === 'insights_ready' ? epochSeconds(job.finished_at) : null;
    default:
      return null;
  }
}

/** The furthest pipeline stage the job is known to have reached, -1 if none. */
function reachedIndex(status: JobStatus, job: Job, live: JobLiveState): number {
  if (isPipelineStage(status)) return PIPELINE_STAGES.indexOf(status);
  let reached = -1;
  PIPELINE_STAGES.forEach((stage, index) => {
    if (live.stages[stage]) reached = index;
  });
  if (reached === -1 && job.stage !== null && isPipelineStage(job.stage)) reached = PIPELINE_STAGES.indexOf(job.stage);
  return reached;
}

/** Where each pipeline stage stands. A failed or cancelled job marks the stage it stopped in as failed. */
export function buildTimeline(status: JobStatus, job: Job, live: JobLiveState, history: StageHistory = {}): TimelineItem[] {
  const stopped = !isPipelineStage(status);
  const reached = reachedIndex(status, job, live);
  const starts = PIPELINE_STAGES.map((stage) => stageStart(stage, job, live, status, history));
  const stoppedAt = stopped ? (live.stages[status]?.firstAt ?? history[status]?.startedAt ?? epochSeconds(job.finished_at)) : null;

  // A job that stopped before we saw any stage still left the queue if the server says it started.
  const leftQueue = reached === -1 && job.started_at !== null;

  return PIPELINE_STAGES.map((stage, index) => {
    let state: StageState = 'pending';
    if (index < reached) state = 'done';
    else if (index === reached) state = stopped ? 'failed' : stage === 'insights_ready' ? 'done' : 'active';
    else if (index === 0 && leftQueue) state = 'done';

    const start = starts[index] ?? null;
    let end: number | null = null;
    if (state === 'done' && stage !== 'insights_ready') end = starts[index + 1] ?? null;
    if (state === 'failed') end = stoppedAt;
    if (state === 'active' && start !== null && live.timestamp !== null && live.timestamp > start) end = live.timestamp;
    const durationSeconds = start !== null && end !== null && end >= start ? end - start : null;

    const liveMessages = live.stages[stage]?.messages ?? [];
    return { stage, state, durationSeconds, messages: liveMessages.length > 0 ? liveMessages : (history[stage]?.messages ?? []) };
  });
}
