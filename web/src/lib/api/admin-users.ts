import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { getJson, patchJson, postJson } from './http';
import { idSchema, type Role } from './session';

export const userSchema = z.looseObject({
  id: idSchema,
  username: z.string(),
  role: z.string(),
  enabled: z.boolean(),
  created_at: z.string(),
});

export type User = z.infer<typeof userSchema>;

/** docs/security.md: 3–40 of a-z 0-9 . _ - */
export const USERNAME_PATTERN = '[a-z0-9._\\-]{3,40}';
export const MIN_PASSWORD_LENGTH = 10;

export const userKeys = {
  all: ['admin', 'users'] as const,
};

export function listUsers(signal?: AbortSignal): Promise<User[]> {
  return getJson('/api/admin/users', z.array(userSchema), signal);
}

export function usersQueryOptions() {
  return queryOptions({ queryKey: userKeys.all, queryFn: ({ signal }) => listUsers(signal) });
}

/** 409 username_taken when the name exists. */
export function createUser(user: { username: string; password: string; role: Role }): Promise<User> {
  return postJson('/api/admin/users', userSchema, user);
}

export interface UserChange {
  role?: Role;
  enabled?: boolean;
  password?: string;
}

/** Disabling ends the user's sessions; 409 last_admin / self_change when an admin would lock themselves out. */
export function updateUser(id: string, change: UserChange): Promise<User> {
  return patchJson(`/api/admin/users/${encodeURIComponent(id)}`, userSchema, change);
}
