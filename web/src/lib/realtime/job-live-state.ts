import { isTerminal, type JobStatus } from '../api/job';
import { JOB_DELETED, type JobEventMessage, type ProtocolErrorMessage } from './messages';

/** Messages kept per stage: enough to read back, bounded so a chatty stage cannot grow memory. */
export const MESSAGES_PER_STAGE = 50;
/** Progress samples kept for the rate estimate; older ones say little about the current pace. */
export const PROGRESS_SAMPLES = 120;

/** Progress reported by the server at a server timestamp (epoch seconds). */
export interface ProgressSample {
  at: number;
  progress: number;
}

export interface StageRecord {
  /** Server timestamp (epoch seconds) of the first event seen in this stage, if the server sent one. */
  firstAt: number | null;
  lastAt: number | null;
  messages: string[];
  eventCount: number;
}

/** What the live events of one job have told us so far. Every field comes from a server message. */
export interface JobLiveState {
  jobId: string | null;
  seq: number | null;
  stage: JobStatus | null;
  progress: number | null;
  message: string | null;
  timestamp: number | null;
  stages: Partial<Record<JobStatus, StageRecord>>;
  /** Progress of the current run, oldest first; a requeued job starts a new run. */
  samples: ProgressSample[];
  /** Report sections that arrived ahead of the report (job_update `partial`), raw, by section key. */
  sections: Record<string, unknown>;
  /** The raw insights from job_complete, validated where they are rendered. */
  insights: unknown;
  completed: boolean;
  /** `job`: the job failed (job_error). `protocol`: the server refused the subscription, e.g. job_not_found. */
  error: { source: 'job' | 'protocol'; message: string; code: string | null } | null;
  /** The server ended the subscription because the reader lost access (share removed, link revoked, job deleted). */
  revoked: boolean;
  /** The reason was that the owner deleted the job. */
  deleted: boolean;
}

export function emptyLiveState(jobId: string | null): JobLiveState {
  return {
    jobId,
    seq: null,
    stage: null,
    progress: null,
    message: null,
    timestamp: null,
    stages: {},
    samples: [],
    sections: {},
    insights: undefined,
    completed: false,
    error: null,
    revoked: false,
    deleted: false,
  };
}

/** Folds one event in. Events not newer than the last one folded are ignored, so replays are harmless. */
export function applyJobEvent(state: JobLiveState, event: JobEventMessage): JobLiveState {
  if (state.seq !== null && event.seq <= state.seq) return state;
  const timestamp = event.timestamp ?? null;
  const previous = state.stages[event.stage];
  const messages = event.message === null ? (previous?.messages ?? []) : [...(previous?.messages ?? []), event.message];
  const record: StageRecord = {
    firstAt: previous ? previous.firstAt : timestamp,
    lastAt: timestamp ?? previous?.lastAt ?? null,
    messages: messages.length > MESSAGES_PER_STAGE ? messages.slice(-MESSAGES_PER_STAGE) : messages,
    eventCount: (previous?.eventCount ?? 0) + 1,
  };
  let samples = state.samples;
  if (event.stage === 'queued') samples = [];
  else if (timestamp !== null && !isTerminal(event.stage)) {
    samples = [...samples, { at: timestamp, progress: event.progress }];
    if (samples.length > PROGRESS_SAMPLES) samples = samples.slice(-PROGRESS_SAMPLES);
  }
  const partial = event.type === 'job_update' ? event.partial : null;
  return {
    ...state,
    seq: event.seq,
    stage: event.stage,
    progress: event.progress,
    message: event.message ?? state.message,
    timestamp,
    stages: { ...state.stages, [event.stage]: record },
    samples,
    sections: partial ? { ...state.sections, ...partial } : state.sections,
    insights: event.type === 'job_complete' ? event.insights : state.insights,
    completed: state.completed || event.type === 'job_complete',
    error:
      event.type === 'job_error'
        ? { source: 'job', message: event.message ?? 'The job failed.', code: event.code ?? null }
        : state.error,
  };
}

export function applyProtocolError(state: JobLiveState, error: ProtocolErrorMessage): JobLiveState {
  return { ...state, error: { source: 'protocol', message: error.message, code: error.code } };
}

export function applyRevoked(state: JobLiveState, reason?: string | null): JobLiveState {
  return { ...state, revoked: true, deleted: reason === JOB_DELETED };
}
