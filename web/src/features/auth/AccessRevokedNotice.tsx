import { CLOSE_ACCESS_REVOKED } from '../../lib/realtime/realtime-client';
import { useConnectionStatus } from '../../lib/realtime/use-connection-status';

/** The server closed the live connection with 4403: the account was disabled or a credential revoked. */
export function AccessRevokedNotice() {
  const status = useConnectionStatus();
  if (status.state !== 'offline' || status.closeCode !== CLOSE_ACCESS_REVOKED) return null;
  return (
    <div role="alert" data-testid="access-revoked" className="border-b border-rose-200 bg-rose-50 text-rose-900">
      <div className="mx-auto max-w-6xl px-4 py-2 text-sm">
        <p className="font-semibold">Your account was disabled or your access revoked.</p>
        <p>Live updates have stopped. Ask an administrator, then sign in again.</p>
      </div>
    </div>
  );
}
