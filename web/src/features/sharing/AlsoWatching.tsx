import { usePresence } from '../../lib/realtime/use-presence';
import { useSignedInUser } from '../auth/signed-in-user';

/** Who else has this job open right now (from the server's presence messages); empty when the reader is alone. */
export function AlsoWatching({ jobId }: { jobId: string }) {
  const me = useSignedInUser();
  const others = usePresence(jobId)
    .map((viewer) => viewer.username)
    .filter((name) => name !== me.username);
  // The live region stays in the page, so a newcomer is announced.
  return (
    <p role="status" data-testid="presence" className="text-sm text-slate-700 empty:hidden">
      {others.length > 0 && `Also watching: ${others.join(', ')}`}
    </p>
  );
}
