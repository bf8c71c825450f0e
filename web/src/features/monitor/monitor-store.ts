import { isTerminal, type Job, type JobStatus } from '../../lib/api/job';
import type { ActivityEntry } from '../../lib/api/list-activity';
import type { SystemSnapshot } from '../../lib/api/system-metrics';
import type { JobEventMessage, SystemMessage } from '../../lib/realtime/messages';
import type { RealtimeClient } from '../../lib/realtime/realtime-client';

/** Five minutes of 1 s samples: enough to see a trend, bounded so an open tab does not grow for days. */
export const MAX_POINTS = 300;
export const MAX_ACTIVITY = 100;
/** The server allows 100 subscriptions per connection (docs/protocol.md); leave room for the rest of the app. */
export const MAX_WATCHED_JOBS = 50;
export const RECENTLY_FINISHED = 5;

export interface MonitorJob {
  id: string;
  fileName: string | null;
  status: JobStatus;
  progress: number | null;
  message: string | null;
  /** Server time (epoch seconds) of the last event seen for it. */
  updatedAt: number | null;
  /** Whether its events are followed live (false past MAX_WATCHED_JOBS). */
  live: boolean;
}

export interface MonitorState {
  /** Oldest first, at most maxPoints, one per server sample (by timestamp). */
  metrics: SystemSnapshot[];
  /** Unfinished jobs, oldest first, then the few that finished while watched, newest first. */
  jobs: MonitorJob[];
  /** Newest first, at most maxActivity, one per id. */
  activity: ActivityEntry[];
  /** Whether the server has sent its jobs_snapshot on the current connection. */
  snapshotReceived: boolean;
}

/** Adds samples, keeping one per timestamp in time order and only the newest `max`. */
export function appendMetrics(history: readonly SystemSnapshot[], samples: readonly SystemSnapshot[], max = MAX_POINTS): SystemSnapshot[] {
  if (samples.length === 0) return history as SystemSnapshot[];
  const last = history.at(-1);
  // The live case: one newer sample, appended without re-sorting the window.
  if (samples.length === 1 && (!last || samples[0]!.timestamp > last.timestamp)) {
    const next = [...history, samples[0]!];
    return next.length > max ? next.slice(next.length - max) : next;
  }
  const byTime = new Map<number, SystemSnapshot>();
  for (const sample of [...history, ...samples]) byTime.set(sample.timestamp, sample);
  const merged = [...byTime.values()].sort((a, b) => a.timestamp - b.timestamp);
  return merged.length > max ? merged.slice(merged.length - max) : merged;
}

/** Adds entries, newest first, one per id, only the newest `max`. */
export function mergeActivity(list: readonly ActivityEntry[], entries: readonly ActivityEntry[], max = MAX_ACTIVITY): ActivityEntry[] {
  const byId = new Map<number, ActivityEntry>();
  for (const entry of [...list, ...entries]) byId.set(entry.id, entry);
  return [...byId.values()].sort((a, b) => b.id - a.id).slice(0, max);
}

/**
 * A deleted job's entries keep their words but lose their link (it would lead to "Job not found"); the
 * `job_deleted` entry itself names the job and is never linked (docs/protocol.md, 1.6).
 */
export function unlinkDeletedJobs(list: readonly ActivityEntry[], deleted: ReadonlySet<string>): ActivityEntry[] {
  if (deleted.size === 0) return list as ActivityEntry[];
  return list.map((entry) =>
    entry.job_id && entry.kind !== 'job_deleted' && deleted.has(entry.job_id) ? { ...entry, job_id: null } : entry,
  );
}

const FINISHED_BY_ACTIVITY: Record<string, JobStatus> = {
  job_completed: 'insights_ready',
  job_failed: 'error',
  job_cancelled: 'cancelled',
};

export interface MonitorStoreOptions {
  maxPoints?: number;
  maxActivity?: number;
  maxWatchedJobs?: number;
  /** Longest wait before a burst of changes reaches the page. */
  throttleMs?: number;
  /** Reads a job the stream named only by id (e.g. job_created), for its file name. */
  loadJob?: (id: string) => Promise<Job>;
}

/**
 * The monitor's view of the server, fed by the shared connection's system stream and by the events of each
 * unfinished job. State is immutable and published at most every `throttleMs`, for useSyncExternalStore.
 */
export class MonitorStore {
  private readonly maxPoints: number;
  private readonly maxActivity: number;
  private readonly maxWatchedJobs: number;
  private readonly throttleMs: number;
  private readonly loadJob: ((id: string) => Promise<Job>) | undefined;

  private draft: MonitorState = { metrics: [], jobs: [], activity: [], snapshotReceived: false };
  private published: MonitorState = this.draft;
  private readonly listeners = new Set<() => void>();
  private readonly watched = new Map<string, () => void>();
  /** Jobs deleted while we listened: a seed read before the deletion must not bring their links back. */
  private readonly deletedJobs = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;

  constructor(
    private readonly client: RealtimeClient,
    options: MonitorStoreOptions = {},
  ) {
    this.maxPoints = options.maxPoints ?? MAX_POINTS;
    this.maxActivity = options.maxActivity ?? MAX_ACTIVITY;
    this.maxWatchedJobs = options.maxWatchedJobs ?? MAX_WATCHED_JOBS;
    this.throttleMs = options.throttleMs ?? 250;
    this.loadJob = options.loadJob;
  }

  /** Subscribes to the system stream; the returned function undoes everything. */
  start(): () => void {
    this.running = true;
    const removeSystem = this.client.addSystemListener((message) => this.onSystem(message));
    const removeStatus = this.client.addConnectionStatusListener((status) => {
      // A new connection brings a new snapshot; until then the job list is what we last knew.
      if (status.state !== 'connected' && this.draft.snapshotReceived) this.change({ snapshotReceived: false });
    });
    this.client.subscribeToSystem();
    return () => {
      this.running = false;
      removeSystem();
      removeStatus();
      this.client.unsubscribeFromSystem();
      for (const id of [...this.watched.keys()]) this.unwatch(id);
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
    };
  }

  getState = (): MonitorState => this.published;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  seedMetrics(samples: readonly SystemSnapshot[]): void {
    this.change({ metrics: appendMetrics(this.draft.metrics, samples, this.maxPoints) });
  }

  seedActivity(entries: readonly ActivityEntry[]): void {
    this.change({ activity: unlinkDeletedJobs(mergeActivity(this.draft.activity, entries, this.maxActivity), this.deletedJobs) });
  }

  watchedJobCount(): number {
    return this.watched.size;
  }

  // ---- stream --------------------------------------------------------------------------------

  private onSystem(message: SystemMessage): void {
    switch (message.type) {
      case 'system_metrics':
        this.change({ metrics: appendMetrics(this.draft.metrics, [message.metrics], this.maxPoints) });
        break;
      case 'jobs_snapshot':
        this.onSnapshot(message.jobs);
        break;
      case 'activity':
        this.onActivity(message);
        break;
    }
  }

  private onSnapshot(jobs: Job[]): void {
    const known = new Map(this.draft.jobs.map((job) => [job.id, job]));
    const active: MonitorJob[] = jobs
      .filter((job) => !isTerminal(job.status))
      .map((job) => ({
        id: job.id,
        fileName: job.file_name,
        status: job.status,
        progress: job.progress,
        message: job.message,
        updatedAt: known.get(job.id)?.updatedAt ?? null,
        live: false,
      }));
    const activeIds = new Set(active.map((job) => job.id));
    // Jobs we thought running that the server no longer lists ended while we were not listening.
    const finished = this.draft.jobs.filter((job) => isTerminal(job.status) && !activeIds.has(job.id));
    for (const id of [...this.watched.keys()]) if (!activeIds.has(id)) this.unwatch(id);
    this.change({ jobs: [...active, ...finished], snapshotReceived: true });
    this.syncWatches();
  }

  private onActivity(entry: ActivityEntry): void {
    this.change({ activity: mergeActivity(this.draft.activity, [entry], this.maxActivity) });
    const jobId = entry.job_id;
    if (!jobId) return;
    if (entry.kind === 'job_deleted') {
      this.onJobDeleted(jobId);
      return;
    }
    if (entry.kind === 'job_created' && !this.draft.jobs.some((job) => job.id === jobId)) {
      const job: MonitorJob = { id: jobId, fileName: null, status: 'queued', progress: 0, message: null, updatedAt: entry.timestamp, live: false };
      this.change({ jobs: [...this.activeJobs(), job, ...this.finishedJobs()] });
      this.syncWatches();
      void this.loadJob?.(jobId).then(
        (loaded) => this.updateJob(jobId, { fileName: loaded.file_name }),
        () => undefined, // the name is a nicety; the row still shows the id
      );
      return;
    }
    const finishedAs = FINISHED_BY_ACTIVITY[entry.kind];
    // Backstop for jobs past the watch limit, and for an activity that outruns the job's own event.
    if (finishedAs) this.finishJob(jobId, finishedAs, entry.message, entry.timestamp);
  }

  private onJobDeleted(id: string): void {
    this.deletedJobs.add(id);
    this.change({
      activity: unlinkDeletedJobs(this.draft.activity, this.deletedJobs),
      jobs: this.draft.jobs.filter((job) => job.id !== id),
    });
    this.unwatch(id);
    this.syncWatches();
  }

  private onJobEvent(event: JobEventMessage): void {
    if (isTerminal(event.stage)) {
      this.finishJob(event.job_id, event.stage, event.message, event.timestamp ?? null, event.progress);
      return;
    }
    this.updateJob(event.job_id, {
      status: event.stage,
      progress: event.progress,
      message: event.message ?? null,
      updatedAt: event.timestamp ?? null,
    });
  }

  // ---- jobs ----------------------------------------------------------------------------------

  private activeJobs(): MonitorJob[] {
    return this.draft.jobs.filter((job) => !isTerminal(job.status));
  }

  private finishedJobs(): MonitorJob[] {
    return this.draft.jobs.filter((job) => isTerminal(job.status));
  }

  private updateJob(id: string, patch: Partial<MonitorJob>): void {
    if (!this.draft.jobs.some((job) => job.id === id)) return;
    this.change({ jobs: this.draft.jobs.map((job) => (job.id === id ? { ...job, ...patch } : job)) });
  }

  private finishJob(id: string, status: JobStatus, message: string | null, at: number | null, progress?: number): void {
    const job = this.draft.jobs.find((candidate) => candidate.id === id);
    if (!job || isTerminal(job.status)) return;
    const done: MonitorJob = { ...job, status, message: message ?? job.message, updatedAt: at ?? job.updatedAt, progress: progress ?? job.progress, live: false };
    const finished = [done, ...this.finishedJobs()].slice(0, RECENTLY_FINISHED);
    this.change({ jobs: [...this.activeJobs().filter((candidate) => candidate.id !== id), ...finished] });
    this.unwatch(id);
    this.syncWatches();
  }

  /** Follows the oldest unfinished jobs live, up to the limit. */
  private syncWatches(): void {
    if (!this.running) return;
    let changed = false;
    const jobs = this.draft.jobs.map((job) => {
      if (isTerminal(job.status)) return job;
      if (!this.watched.has(job.id) && this.watched.size < this.maxWatchedJobs) this.watch(job.id);
      const live = this.watched.has(job.id);
      if (live === job.live) return job;
      changed = true;
      return { ...job, live };
    });
    if (changed) this.change({ jobs });
  }

  private watch(id: string): void {
    const onEvent = (event: JobEventMessage | { type: 'error' }) => {
      if (event.type !== 'error') this.onJobEvent(event);
    };
    const removers = [
      this.client.addJobEventListener(id, 'update', onEvent),
      this.client.addJobEventListener(id, 'complete', onEvent),
      this.client.addJobEventListener(id, 'error', onEvent),
    ];
    this.client.subscribeToJob(id);
    this.watched.set(id, () => {
      for (const remove of removers) remove();
      this.client.unsubscribeFromJob(id);
    });
    // Another screen may already follow it: start from what the client has.
    const latest = this.client.getLatestJobEvent(id);
    if (latest) queueMicrotask(() => this.onJobEvent(latest));
  }

  private unwatch(id: string): void {
    const stop = this.watched.get(id);
    if (!stop) return;
    this.watched.delete(id);
    stop();
  }

  // ---- publishing ----------------------------------------------------------------------------

  private change(patch: Partial<MonitorState>): void {
    this.draft = { ...this.draft, ...patch };
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.published = this.draft;
      for (const listener of [...this.listeners]) listener();
    }, this.throttleMs);
  }
}
