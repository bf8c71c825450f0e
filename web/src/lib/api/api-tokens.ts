import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { deleteRequest, getJson, postJson } from './http';
import { idSchema } from './session';

export const apiTokenSchema = z.looseObject({
  id: idSchema,
  name: z.string(),
  created_at: z.string(),
  expires_at: z.string().nullish(),
  last_used_at: z.string().nullish(),
});

/** Only the answer to creating a token carries the secret itself. */
export const createdApiTokenSchema = z.looseObject({
  id: idSchema,
  name: z.string(),
  token: z.string().min(1),
  created_at: z.string(),
  expires_at: z.string().nullish(),
});

export type ApiToken = z.infer<typeof apiTokenSchema>;
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;

export const MAX_TOKEN_DAYS = 3650;

export const apiTokenKeys = {
  all: ['api-tokens'] as const,
};

export function listApiTokens(signal?: AbortSignal): Promise<ApiToken[]> {
  return getJson('/api/tokens', z.array(apiTokenSchema), signal);
}

export function apiTokensQueryOptions() {
  return queryOptions({ queryKey: apiTokenKeys.all, queryFn: ({ signal }) => listApiTokens(signal) });
}

/** `expiresInDays` 1–3650; omitted, the token never expires. */
export function createApiToken(name: string, expiresInDays?: number): Promise<CreatedApiToken> {
  return postJson('/api/tokens', createdApiTokenSchema, expiresInDays === undefined ? { name } : { name, expires_in_days: expiresInDays });
}

/** Live sockets opened with the token are closed with 4401 within seconds. */
export function revokeApiToken(id: string): Promise<void> {
  return deleteRequest(`/api/tokens/${encodeURIComponent(id)}`);
}
