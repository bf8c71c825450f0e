export const SIGN_IN_PATH = '/login';

/**
 * Where to go after signing in: only a path on this site. `//evil.example`, `/\evil.example` and anything else a
 * browser would resolve to another origin fall back to the start page, so the sign-in page cannot be used to
 * send people elsewhere.
 */
export function safeNextPath(raw: string | null): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  let url: URL;
  try {
    url = new URL(raw, window.location.origin);
  } catch {
    return '/';
  }
  if (url.origin !== window.location.origin || url.pathname === SIGN_IN_PATH) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page, remembering the page the reader was on. */
export function signInPath(from: { pathname: string; search: string; hash: string }): string {
  const here = `${from.pathname}${from.search}${from.hash}`;
  if (here === '/' || from.pathname === SIGN_IN_PATH) return SIGN_IN_PATH;
  return `${SIGN_IN_PATH}?${new URLSearchParams({ next: here }).toString()}`;
}
