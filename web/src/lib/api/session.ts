import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { getJson, postCommand, postJson } from './http';
import { ApiError } from './problem';

/** Ids are opaque to the client; the server may send numbers or strings. */
export const idSchema = z.union([z.string(), z.number()]).transform(String);

export const ROLES = ['ADMIN', 'ANALYST', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = { ADMIN: 'Administrator', ANALYST: 'Analyst', VIEWER: 'Viewer' };

/** A role this client does not know yet is shown as sent and grants nothing extra. */
export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}

export const currentUserSchema = z.looseObject({
  id: idSchema,
  username: z.string(),
  role: z.string(),
});

export type CurrentUser = z.infer<typeof currentUserSchema>;

export function isAdmin(user: CurrentUser): boolean {
  return user.role === 'ADMIN';
}

export function canUpload(user: CurrentUser): boolean {
  return user.role === 'ADMIN' || user.role === 'ANALYST';
}

export const sessionKeys = {
  me: ['session', 'me'] as const,
};

/** The signed-in user, or null when there is none: being signed out is an answer, not an error. */
export async function getCurrentUser(signal?: AbortSignal): Promise<CurrentUser | null> {
  try {
    return await getJson('/api/auth/me', currentUserSchema, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function currentUserQueryOptions() {
  return queryOptions({
    queryKey: sessionKeys.me,
    queryFn: ({ signal }) => getCurrentUser(signal),
  });
}

/** 401 invalid_credentials for a wrong name or password; 429 too_many_attempts with Retry-After when locked out. */
export function signIn(username: string, password: string): Promise<CurrentUser> {
  return postJson('/api/auth/login', currentUserSchema, { username, password });
}

export function signOut(): Promise<void> {
  return postCommand('/api/auth/logout');
}
