import { z } from 'zod';
import { jobSchema, jobStatusSchema } from '../api/job';
import { activityEntrySchema } from '../api/list-activity';
import { systemSnapshotSchema } from '../api/system-metrics';

/** Fields every job event carries. Extra fields are allowed: the server may add some. */
const jobEventFields = {
  job_id: z.string(),
  seq: z.number().int(),
  stage: jobStatusSchema,
  progress: z.number(),
  message: z.string().nullish().transform((value) => value ?? null),
  timestamp: z.number().optional(),
};

export const jobUpdateSchema = z.looseObject({
  type: z.literal('job_update'),
  ...jobEventFields,
  // Report sections ready ahead of the report, keyed by section name; validated where they are rendered.
  partial: z.record(z.string(), z.unknown()).nullish(),
});
export const jobCompleteSchema = z.looseObject({
  type: z.literal('job_complete'),
  ...jobEventFields,
  // Validated by whoever renders it (features/report), so a report the UI cannot read does not drop the event.
  insights: z.unknown().optional(),
});
export const jobErrorSchema = z.looseObject({
  type: z.literal('job_error'),
  ...jobEventFields,
  code: z.string().nullish(),
});

// job_id is absent when the subscription is to another channel (e.g. the server's system feed).
export const subscribedSchema = z.looseObject({
  type: z.literal('subscribed'),
  channel: z.string().nullish(),
  job_id: z.string().nullish(),
});
// `reason` is set when the server ended the subscription itself, e.g. `access_revoked` (docs/security.md).
/** docs/protocol.md (1.5): `unsubscribed` because the job's owner deleted it. */
export const JOB_DELETED = 'job_deleted';

export const unsubscribedSchema = z.looseObject({
  type: z.literal('unsubscribed'),
  channel: z.string().nullish(),
  job_id: z.string().nullish(),
  reason: z.string().nullish(),
});

/** The signed-in people watching a job, sorted by name, each once; sent whenever the set changes. */
export const presenceSchema = z.looseObject({
  type: z.literal('presence'),
  job_id: z.string(),
  viewers: z.array(z.looseObject({ username: z.string() })),
});

/** Every unfinished job, sent once after subscribe_system. */
export const jobsSnapshotSchema = z.looseObject({
  type: z.literal('jobs_snapshot'),
  jobs: z.array(jobSchema),
  timestamp: z.number().optional(),
});
export const systemMetricsMessageSchema = z.looseObject({
  type: z.literal('system_metrics'),
  metrics: systemSnapshotSchema,
  timestamp: z.number().optional(),
});
export const activityMessageSchema = activityEntrySchema.extend({ type: z.literal('activity') });
export const pongSchema = z.looseObject({ type: z.literal('pong'), timestamp: z.number().optional() });
/** The server's first message on every socket: it is ready to read what the client sends. */
export const welcomeSchema = z.looseObject({
  type: z.literal('welcome'),
  protocol_version: z.string().optional(),
  username: z.string().optional(),
  heartbeat_interval_seconds: z.number().optional(),
});
export const protocolErrorSchema = z.looseObject({
  type: z.literal('error'),
  code: z.string(),
  message: z.string(),
  job_id: z.string().nullish(),
});

export const serverMessageSchema = z.discriminatedUnion('type', [
  jobUpdateSchema,
  jobCompleteSchema,
  jobErrorSchema,
  subscribedSchema,
  unsubscribedSchema,
  presenceSchema,
  pongSchema,
  welcomeSchema,
  protocolErrorSchema,
  jobsSnapshotSchema,
  systemMetricsMessageSchema,
  activityMessageSchema,
]);

export type JobUpdateMessage = z.infer<typeof jobUpdateSchema>;
export type JobCompleteMessage = z.infer<typeof jobCompleteSchema>;
export type JobErrorMessage = z.infer<typeof jobErrorSchema>;
export type ProtocolErrorMessage = z.infer<typeof protocolErrorSchema>;
export type UnsubscribedMessage = z.infer<typeof unsubscribedSchema>;
export type PresenceMessage = z.infer<typeof presenceSchema>;
export type Viewer = PresenceMessage['viewers'][number];
export type JobsSnapshotMessage = z.infer<typeof jobsSnapshotSchema>;
export type SystemMetricsMessage = z.infer<typeof systemMetricsMessageSchema>;
export type ActivityMessage = z.infer<typeof activityMessageSchema>;
export type SystemMessage = JobsSnapshotMessage | SystemMetricsMessage | ActivityMessage;
export type ServerMessage = z.infer<typeof serverMessageSchema>;
export type JobEventMessage = JobUpdateMessage | JobCompleteMessage | JobErrorMessage;

const KNOWN_TYPES: ReadonlySet<string> = new Set(
  serverMessageSchema.options.map((option) => option.shape.type.value),
);

export type ParseResult =
  | { kind: 'message'; message: ServerMessage }
  | { kind: 'unknown-type'; type: string }
  | { kind: 'invalid'; reason: string };

/** Parses one text frame. Unknown message types are not errors: a newer server may send them. */
export function parseServerMessage(data: unknown): ParseResult {
  if (typeof data !== 'string') return { kind: 'invalid', reason: 'frame is not text' };
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { kind: 'invalid', reason: 'frame is not JSON' };
  }
  const envelope = z.looseObject({ type: z.string() }).safeParse(json);
  if (!envelope.success) return { kind: 'invalid', reason: 'message has no "type"' };
  if (!KNOWN_TYPES.has(envelope.data.type)) return { kind: 'unknown-type', type: envelope.data.type };
  const parsed = serverMessageSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      kind: 'invalid',
      reason: `${envelope.data.type}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`,
    };
  }
  return { kind: 'message', message: parsed.data };
}

export type ClientMessage =
  | { type: 'subscribe_job'; job_id: string; last_seq?: number }
  | { type: 'unsubscribe_job'; job_id: string }
  | { type: 'subscribe_system' }
  | { type: 'unsubscribe_system' }
  | { type: 'ping' };
