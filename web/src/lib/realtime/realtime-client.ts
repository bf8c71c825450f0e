import { backoffDelay } from './backoff';
import {
  JOB_DELETED,
  parseServerMessage,
  type ClientMessage,
  type JobCompleteMessage,
  type JobErrorMessage,
  type JobEventMessage,
  type JobUpdateMessage,
  type PresenceMessage,
  type ProtocolErrorMessage,
  type SystemMessage,
  type UnsubscribedMessage,
  type Viewer,
} from './messages';

export type ConnectionStatus =
  | { state: 'connecting'; attempt: number; maxAttempts: number }
  | { state: 'connected' }
  /** `closeCode` is the server's close that caused the reconnect, when there was one (e.g. 4001 role changed). */
  | { state: 'reconnecting'; attempt: number; maxAttempts: number; delayMs: number; retryAt: number; closeCode?: number }
  /** `closeCode` is set when the server refused the connection for good (44xx: 4401 not signed in, 4403 revoked). */
  | { state: 'offline'; reason: string; closeCode?: number };

export type ConnectionStatusListener = (status: ConnectionStatus) => void;

/**
 * What each job listener type receives. `error` also carries protocol errors about the job, e.g. job_not_found;
 * `revoked` is the server ending the subscription because the reader may no longer see the job.
 */
export interface JobEventMap {
  update: JobUpdateMessage;
  complete: JobCompleteMessage;
  error: JobErrorMessage | ProtocolErrorMessage;
  revoked: UnsubscribedMessage;
}

export type JobEventType = keyof JobEventMap;
export type JobEventListener<T extends JobEventType> = (event: JobEventMap[T]) => void;
export type AnyJobEventListener = (event: JobEventMessage) => void;
export type SystemListener = (message: SystemMessage) => void;
export type PresenceListener = (viewers: readonly Viewer[]) => void;

/** docs/security.md: the server ended a job subscription because the share or link behind it was removed. */
export const ACCESS_REVOKED = 'access_revoked';

export interface SubscribeOptions {
  /**
   * Ask the server to replay the job's retained events (`last_seq: 0`) rather than only the latest,
   * so a page opened mid-run can still show earlier stages.
   */
  replay?: boolean;
}

export interface RealtimeClientOptions {
  /** Defaults to ws(s)://<page host>/ws, resolved at connect time. */
  url?: string | (() => string);
  /** Injected in tests (e.g. the `ws` package's client). */
  createSocket?: (url: string) => WebSocket;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  maxReconnectAttempts?: number;
  heartbeatIntervalMs?: number;
  random?: () => number;
  now?: () => number;
  /** Frames the client could not read. Defaults to console.warn. */
  onInvalidMessage?: (reason: string, data: unknown) => void;
}

export const MAX_ATTEMPTS_REASON = 'Max reconnection attempts reached';

/** The user's role changed: reconnect, and the new connection has the new role (docs/protocol.md 1.2). */
export const CLOSE_ROLE_CHANGED = 4001;
export const CLOSE_NOT_AUTHENTICATED = 4401;
/** The account was disabled, or the credential (token) or access behind the socket revoked. */
export const CLOSE_ACCESS_REVOKED = 4403;

/** docs/protocol.md: 44xx means "not without new credentials", so reconnecting by itself is pointless. */
function isFinalClose(code: number): boolean {
  return code >= 4400 && code <= 4499;
}

function finalCloseReason(code: number, reason: string): string {
  const meaning =
    code === CLOSE_NOT_AUTHENTICATED ? 'Not authenticated' : code === CLOSE_ACCESS_REVOKED ? 'Access revoked' : 'Refused by the server';
  return `${meaning} (close code ${code}${reason ? `: ${reason}` : ''})`;
}

const OPEN = 1;
const NOBODY: readonly Viewer[] = Object.freeze([]);

interface Subscription {
  refs: number;
  lastSeq: number | null;
  replay: boolean;
}

type ListenerSets = { [K in JobEventType]: Set<JobEventListener<K>> };

function defaultUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/ws`;
}

function requirePositive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive number, got ${value}`);
  }
  return value;
}

function requireNonNegativeInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
  return value;
}

/**
 * The app's one WebSocket connection. Jobs are subscribed by reference count, so several components
 * can watch the same job; events are de-duplicated by `seq`, and after a reconnect every subscribed
 * job is re-subscribed with the last seq seen, so the server replays only what was missed.
 */
export class RealtimeClient {
  private readonly url: () => string;
  private readonly createSocket: (url: string) => WebSocket;
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly maxAttempts: number;
  private readonly heartbeatIntervalMs: number;
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly onInvalidMessage: (reason: string, data: unknown) => void;

  private socket: WebSocket | null = null;
  /** The server said `welcome` on the current socket: what we send now is read (docs/protocol.md). */
  private welcomed = false;
  private wanted = false;
  private reconnectAttempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private heartbeatTimer: ReturnType<typeof setInterval> | null = null;
  private heardSinceLastPing = true;
  private status: ConnectionStatus = { state: 'offline', reason: 'Not connected' };

  private readonly subscriptions = new Map<string, Subscription>();
  private readonly latestEvents = new Map<string, JobEventMessage>();
  private readonly jobListeners = new Map<string, ListenerSets>();
  private readonly statusListeners = new Set<ConnectionStatusListener>();
  private readonly anyJobListeners = new Set<AnyJobEventListener>();
  private readonly systemListeners = new Set<SystemListener>();
  private readonly presence = new Map<string, readonly Viewer[]>();
  private readonly presenceListeners = new Map<string, Set<PresenceListener>>();
  private systemRefs = 0;

  constructor(options: RealtimeClientOptions = {}) {
    const { url } = options;
    this.url = typeof url === 'function' ? url : url !== undefined ? () => url : defaultUrl;
    this.createSocket = options.createSocket ?? ((target) => new WebSocket(target));
    this.initialBackoffMs = requirePositive('initialBackoffMs', options.initialBackoffMs ?? 1_000);
    this.maxBackoffMs = requirePositive('maxBackoffMs', options.maxBackoffMs ?? 30_000);
    this.maxAttempts = requireNonNegativeInteger('maxReconnectAttempts', options.maxReconnectAttempts ?? 5);
    this.heartbeatIntervalMs = requirePositive('heartbeatIntervalMs', options.heartbeatIntervalMs ?? 30_000);
    if (this.maxBackoffMs < this.initialBackoffMs) {
      throw new RangeError(
        `maxBackoffMs (${this.maxBackoffMs}) must not be below initialBackoffMs (${this.initialBackoffMs})`,
      );
    }
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.onInvalidMessage =
      options.onInvalidMessage ?? ((reason) => console.warn(`Ignored WebSocket message: ${reason}`));
  }

  // ---- connection ---------------------------------------------------------------------------

  connect(): void {
    this.wanted = true;
    if (this.socket || this.reconnectTimer) return;
    if (this.status.state === 'offline') this.reconnectAttempt = 0;
    this.open();
  }

  disconnect(): void {
    this.wanted = false;
    this.clearReconnectTimer();
    this.stopHeartbeat();
    this.clearPresence();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      detach(socket);
      socket.close(1000, 'client disconnect');
    }
    this.setStatus({ state: 'offline', reason: 'Disconnected' });
  }

  /**
   * Closes the current connection, if any, and opens a new one: after signing in, so the socket carries the new
   * session rather than whatever (or no) credential the old one was opened with. Subscriptions are re-sent.
   */
  restart(): void {
    this.disconnect();
    this.connect();
  }

  /** Starts over after the client gave up: a fresh round of reconnection attempts. */
  retry(): void {
    this.wanted = true;
    this.reconnectAttempt = 0;
    this.clearReconnectTimer();
    if (!this.socket) this.open();
  }

  getConnectionStatus(): ConnectionStatus {
    return this.status;
  }

  /** Returns a function that removes the listener. */
  addConnectionStatusListener(listener: ConnectionStatusListener): () => void {
    this.statusListeners.add(listener);
    return () => this.removeConnectionStatusListener(listener);
  }

  removeConnectionStatusListener(listener: ConnectionStatusListener): void {
    this.statusListeners.delete(listener);
  }

  // ---- jobs ---------------------------------------------------------------------------------

  subscribeToJob(jobId: string, options: SubscribeOptions = {}): void {
    const existing = this.subscriptions.get(jobId);
    if (existing) {
      existing.refs += 1;
      return;
    }
    this.subscriptions.set(jobId, { refs: 1, lastSeq: null, replay: options.replay ?? false });
    this.sendSubscribe(jobId);
  }

  unsubscribeFromJob(jobId: string): void {
    const subscription = this.subscriptions.get(jobId);
    if (!subscription) return;
    subscription.refs -= 1;
    if (subscription.refs > 0) return;
    this.forgetJob(jobId);
    this.send({ type: 'unsubscribe_job', job_id: jobId });
  }

  addJobEventListener<T extends JobEventType>(jobId: string, type: T, listener: JobEventListener<T>): () => void {
    let sets = this.jobListeners.get(jobId);
    if (!sets) {
      sets = { update: new Set(), complete: new Set(), error: new Set(), revoked: new Set() };
      this.jobListeners.set(jobId, sets);
    }
    (sets[type] as Set<JobEventListener<T>>).add(listener);
    return () => this.removeJobEventListener(jobId, type, listener);
  }

  removeJobEventListener<T extends JobEventType>(jobId: string, type: T, listener: JobEventListener<T>): void {
    const sets = this.jobListeners.get(jobId);
    if (!sets) return;
    (sets[type] as Set<JobEventListener<T>>).delete(listener);
    if (listenerTotal(sets) === 0) this.jobListeners.delete(jobId);
  }

  /** The newest event received for a subscribed job, so a late listener can start from it. */
  getLatestJobEvent(jobId: string): JobEventMessage | undefined {
    return this.latestEvents.get(jobId);
  }

  /** Listeners registered for a job, all types together (for leak checks). */
  jobListenerCount(jobId: string): number {
    const sets = this.jobListeners.get(jobId);
    return sets ? listenerTotal(sets) : 0;
  }

  isSubscribed(jobId: string): boolean {
    return this.subscriptions.has(jobId);
  }

  /** Every event of every subscribed job, after de-duplication (e.g. for notifications). */
  addAnyJobEventListener(listener: AnyJobEventListener): () => void {
    this.anyJobListeners.add(listener);
    return () => this.anyJobListeners.delete(listener);
  }

  // ---- presence --------------------------------------------------------------------------------

  /** Who is watching a subscribed job, as the server last said (nobody until it says, and after a disconnect). */
  getPresence(jobId: string): readonly Viewer[] {
    return this.presence.get(jobId) ?? NOBODY;
  }

  /** Called with the full list of viewers each time it changes. Returns a function that removes the listener. */
  addPresenceListener(jobId: string, listener: PresenceListener): () => void {
    let listeners = this.presenceListeners.get(jobId);
    if (!listeners) {
      listeners = new Set();
      this.presenceListeners.set(jobId, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.presenceListeners.get(jobId) === listeners) this.presenceListeners.delete(jobId);
    };
  }

  // ---- system stream (the Real-Time Monitor) -------------------------------------------------

  /** Reference-counted like jobs; re-sent after every reconnect, which brings a fresh jobs_snapshot. */
  subscribeToSystem(): void {
    this.systemRefs += 1;
    if (this.systemRefs === 1) this.send({ type: 'subscribe_system' });
  }

  unsubscribeFromSystem(): void {
    if (this.systemRefs === 0) return;
    this.systemRefs -= 1;
    if (this.systemRefs === 0) this.send({ type: 'unsubscribe_system' });
  }

  isSubscribedToSystem(): boolean {
    return this.systemRefs > 0;
  }

  /** jobs_snapshot, system_metrics and activity messages. */
  addSystemListener(listener: SystemListener): () => void {
    this.systemListeners.add(listener);
    return () => this.systemListeners.delete(listener);
  }

  // ---- internals ----------------------------------------------------------------------------

  private open(): void {
    this.setStatus({ state: 'connecting', attempt: this.reconnectAttempt, maxAttempts: this.maxAttempts });
    let socket: WebSocket;
    try {
      socket = this.createSocket(this.url());
    } catch (error) {
      // A malformed URL will not fix itself by retrying.
      this.wanted = false;
      this.setStatus({ state: 'offline', reason: `Cannot open WebSocket: ${describe(error)}` });
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.reconnectAttempt = 0;
      this.welcomed = false;
      this.setStatus({ state: 'connected' });
      this.startHeartbeat();
      // Subscriptions wait for the server's `welcome` (docs/protocol.md, "Connecting").
    };
    socket.onmessage = (event: MessageEvent) => {
      if (this.socket !== socket) return;
      this.heardSinceLastPing = true;
      this.handleFrame(event.data);
    };
    socket.onclose = (event: CloseEvent) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.stopHeartbeat();
      this.clearPresence();
      if (isFinalClose(event.code)) {
        this.wanted = false;
        this.setStatus({ state: 'offline', reason: finalCloseReason(event.code, event.reason), closeCode: event.code });
      } else if (this.wanted) this.scheduleReconnect(event.code);
      else this.setStatus({ state: 'offline', reason: 'Disconnected' });
    };
    // A close event always follows an error; the reconnect logic lives there.
    socket.onerror = () => {};
  }

  private scheduleReconnect(closeCode?: number): void {
    if (this.reconnectAttempt >= this.maxAttempts) {
      this.setStatus({ state: 'offline', reason: MAX_ATTEMPTS_REASON });
      return;
    }
    this.reconnectAttempt += 1;
    const delayMs = backoffDelay(this.reconnectAttempt, this.initialBackoffMs, this.maxBackoffMs, this.random);
    this.setStatus({
      state: 'reconnecting',
      attempt: this.reconnectAttempt,
      maxAttempts: this.maxAttempts,
      delayMs,
      retryAt: this.now() + delayMs,
      ...(closeCode === undefined ? {} : { closeCode }),
    });
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.wanted && !this.socket) this.open();
    }, delayMs);
  }

  private startHeartbeat(): void {
    this.stopHeartbeat();
    this.heardSinceLastPing = true;
    this.heartbeatTimer = setInterval(() => {
      const socket = this.socket;
      if (!socket) return;
      if (!this.heardSinceLastPing) {
        // Nothing at all (not even a pong) for a whole interval: the link is dead even if TCP has not noticed.
        this.socket = null;
        this.stopHeartbeat();
        this.clearPresence();
        detach(socket);
        socket.close(4000, 'heartbeat timeout');
        this.scheduleReconnect();
        return;
      }
      this.heardSinceLastPing = false;
      this.send({ type: 'ping' });
    }, this.heartbeatIntervalMs);
  }

  private stopHeartbeat(): void {
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
  }

  private clearReconnectTimer(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
  }

  private sendSubscribe(jobId: string): void {
    const subscription = this.subscriptions.get(jobId);
    if (!subscription) return;
    const lastSeq = subscription.lastSeq ?? (subscription.replay ? 0 : null);
    this.send(
      lastSeq === null
        ? { type: 'subscribe_job', job_id: jobId }
        : { type: 'subscribe_job', job_id: jobId, last_seq: lastSeq },
    );
  }

  /**
   * Drops the message until the server has said `welcome` on an open socket: a message sent earlier can be lost
   * in the server's WebSocket upgrade. Subscriptions are sent on `welcome`; pings are moot.
   */
  private send(message: ClientMessage): void {
    if (this.socket && this.socket.readyState === OPEN && this.welcomed) this.socket.send(JSON.stringify(message));
  }

  private onWelcome(): void {
    if (this.welcomed) return;
    this.welcomed = true;
    if (this.systemRefs > 0) this.send({ type: 'subscribe_system' });
    for (const jobId of this.subscriptions.keys()) this.sendSubscribe(jobId);
  }

  private handleFrame(data: unknown): void {
    const result = parseServerMessage(data);
    if (result.kind === 'invalid') {
      this.onInvalidMessage(result.reason, data);
      return;
    }
    if (result.kind === 'unknown-type') return;
    const message = result.message;
    switch (message.type) {
      case 'welcome':
        this.onWelcome();
        break;
      case 'job_update':
        this.handleJobEvent('update', message);
        break;
      case 'job_complete':
        this.handleJobEvent('complete', message);
        break;
      case 'job_error':
        this.handleJobEvent('error', message);
        break;
      case 'error':
        if (message.job_id) this.emit(message.job_id, 'error', message);
        else this.onInvalidMessage(`server error ${message.code}: ${message.message}`, data);
        break;
      case 'jobs_snapshot':
      case 'system_metrics':
      case 'activity':
        this.emitSystem(message);
        break;
      case 'presence':
        this.handlePresence(message);
        break;
      case 'unsubscribed':
        if (message.job_id && (message.reason === ACCESS_REVOKED || message.reason === JOB_DELETED)) {
          this.handleRevoked(message.job_id, message);
        }
        break;
      case 'subscribed':
      case 'pong':
        break;
    }
  }

  private handleJobEvent<T extends 'update' | 'complete' | 'error'>(
    type: T,
    message: JobEventMap[T] & JobEventMessage,
  ): void {
    const subscription = this.subscriptions.get(message.job_id);
    // Late events for a job nobody watches any more, e.g. in flight while we unsubscribed.
    if (!subscription) return;
    if (subscription.lastSeq !== null && message.seq <= subscription.lastSeq) return;
    subscription.lastSeq = message.seq;
    this.latestEvents.set(message.job_id, message);
    this.emit(message.job_id, type, message);
    for (const listener of [...this.anyJobListeners]) {
      try {
        listener(message);
      } catch (error) {
        console.error(`Listener for all jobs threw on ${message.type} of ${message.job_id}`, error);
      }
    }
  }

  private handlePresence(message: PresenceMessage): void {
    // Presence for a job we stopped watching is a late message, not news.
    if (!this.subscriptions.has(message.job_id)) return;
    this.setPresence(message.job_id, Object.freeze([...message.viewers]));
  }

  /** The server already ended the subscription: forget it, so a reconnect does not ask again, and tell the listeners. */
  private handleRevoked(jobId: string, message: UnsubscribedMessage): void {
    if (!this.subscriptions.has(jobId)) return;
    this.forgetJob(jobId);
    this.emit(jobId, 'revoked', message);
  }

  private forgetJob(jobId: string): void {
    this.subscriptions.delete(jobId);
    this.latestEvents.delete(jobId);
    if (this.presence.has(jobId)) this.setPresence(jobId, NOBODY);
    this.presence.delete(jobId);
  }

  /** Nobody is known to be watching while we are not connected; the server says again after re-subscribing. */
  private clearPresence(): void {
    for (const jobId of [...this.presence.keys()]) this.setPresence(jobId, NOBODY);
    this.presence.clear();
  }

  private setPresence(jobId: string, viewers: readonly Viewer[]): void {
    this.presence.set(jobId, viewers);
    for (const listener of [...(this.presenceListeners.get(jobId) ?? [])]) {
      try {
        listener(viewers);
      } catch (error) {
        console.error(`Presence listener for job ${jobId} threw`, error);
      }
    }
  }

  private emitSystem(message: SystemMessage): void {
    for (const listener of [...this.systemListeners]) {
      try {
        listener(message);
      } catch (error) {
        console.error(`System listener threw on ${message.type}`, error);
      }
    }
  }

  private emit<T extends JobEventType>(jobId: string, type: T, event: JobEventMap[T]): void {
    const sets = this.jobListeners.get(jobId);
    if (!sets) return;
    for (const listener of [...(sets[type] as Set<JobEventListener<T>>)]) {
      try {
        listener(event);
      } catch (error) {
        console.error(`Listener for ${type} of job ${jobId} threw`, error);
      }
    }
  }

  private setStatus(status: ConnectionStatus): void {
    this.status = status;
    for (const listener of [...this.statusListeners]) {
      try {
        listener(status);
      } catch (error) {
        console.error('Connection status listener threw', error);
      }
    }
  }
}

function listenerTotal(sets: ListenerSets): number {
  return sets.update.size + sets.complete.size + sets.error.size + sets.revoked.size;
}

function detach(socket: WebSocket): void {
  socket.onopen = null;
  socket.onmessage = null;
  socket.onclose = null;
  // Not null: closing a socket that is still connecting reports an error, and some implementations throw when unheard.
  socket.onerror = () => {};
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
