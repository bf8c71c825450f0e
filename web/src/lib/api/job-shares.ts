import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { deleteRequest, getJson, postJson } from './http';
import { jobKeys } from './query-keys';
import { idSchema } from './session';

export const userShareSchema = z.looseObject({
  username: z.string(),
  created_at: z.string(),
});

export const shareLinkSchema = z.looseObject({
  id: idSchema,
  created_at: z.string(),
  url: z.string().nullish(),
});

export const jobSharesSchema = z.looseObject({
  users: z.array(userShareSchema),
  links: z.array(shareLinkSchema),
});

/** Only the answer to creating a link carries its token. */
export const createdShareLinkSchema = z.looseObject({
  id: idSchema,
  token: z.string().min(1),
  url: z.string().nullish(),
  created_at: z.string(),
});

export const openedShareLinkSchema = z.looseObject({ job_id: z.string().min(1) });

export type UserShare = z.infer<typeof userShareSchema>;
export type ShareLink = z.infer<typeof shareLinkSchema>;
export type JobShares = z.infer<typeof jobSharesSchema>;
export type CreatedShareLink = z.infer<typeof createdShareLinkSchema>;

const base = (jobId: string) => `/api/jobs/${encodeURIComponent(jobId)}`;

/** Who the job is shared with; only its owner may ask. */
export function getJobShares(jobId: string, signal?: AbortSignal): Promise<JobShares> {
  return getJson(`${base(jobId)}/shares`, jobSharesSchema, signal);
}

export function jobSharesQueryOptions(jobId: string) {
  return queryOptions({ queryKey: jobKeys.shares(jobId), queryFn: ({ signal }) => getJobShares(jobId, signal) });
}

/** 404 user_not_found for an unknown name. */
export function shareJobWithUser(jobId: string, username: string): Promise<UserShare> {
  return postJson(`${base(jobId)}/shares`, userShareSchema, { username });
}

/** That user's live subscriptions to the job end within seconds. */
export function unshareJob(jobId: string, username: string): Promise<void> {
  return deleteRequest(`${base(jobId)}/shares/${encodeURIComponent(username)}`);
}

export function createShareLink(jobId: string): Promise<CreatedShareLink> {
  return postJson(`${base(jobId)}/share-links`, createdShareLinkSchema);
}

/** Everyone who came through the link loses access. */
export function revokeShareLink(jobId: string, linkId: string): Promise<void> {
  return deleteRequest(`${base(jobId)}/share-links/${encodeURIComponent(linkId)}`);
}

/** Makes the job visible to the signed-in user while the link lives; 404 share_link_not_found otherwise. */
export function openShareLink(token: string): Promise<z.infer<typeof openedShareLinkSchema>> {
  return postJson(`/api/share-links/${encodeURIComponent(token)}/open`, openedShareLinkSchema);
}

/** The address to hand out, on this page's origin. */
export function shareLinkAddress(token: string): string {
  return `${window.location.origin}/shared/${encodeURIComponent(token)}`;
}
