import { ApiError } from './problem';

type Listener = () => void;
const listeners = new Set<Listener>();

/**
 * A 401 means the session is gone (expired, signed out in another tab, user disabled). The one exception is
 * sign-in's own 401 `invalid_credentials`, which is an answer about the password, not about the session.
 */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.code !== 'invalid_credentials';
}

/** Called by the REST layer for every 401; whoever guards the pages sends the reader to sign in. */
export function reportIfUnauthenticated(error: unknown): void {
  if (!isUnauthenticated(error)) return;
  for (const listener of [...listeners]) listener();
}

/** Returns a function that removes the listener. */
export function onUnauthenticated(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
