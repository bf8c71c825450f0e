import { createContext, useContext } from 'react';
import type { CurrentUser } from '../../lib/api/session';

/** Set by RequireSignIn, which every page but the sign-in page sits inside. */
export const SignedInUserContext = createContext<CurrentUser | null>(null);

export function useSignedInUser(): CurrentUser {
  const user = useContext(SignedInUserContext);
  if (!user) throw new Error('useSignedInUser() was called outside RequireSignIn: no user is known here');
  return user;
}
