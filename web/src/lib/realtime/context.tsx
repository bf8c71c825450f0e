import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { RealtimeClient } from './realtime-client';

/** The app's one connection. Tests pass their own client to RealtimeProvider instead. */
export const sharedRealtimeClient = new RealtimeClient();

const RealtimeContext = createContext<RealtimeClient>(sharedRealtimeClient);

export function RealtimeProvider({ client, children }: { client: RealtimeClient; children: ReactNode }) {
  useEffect(() => {
    client.connect();
    // Coming back online is the best moment to try again after the client gave up, unless the server refused
    // the credentials (44xx): only signing in again helps then.
    const onOnline = () => {
      const status = client.getConnectionStatus();
      if (status.state === 'offline' && status.closeCode === undefined) client.retry();
    };
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('online', onOnline);
      client.disconnect();
    };
  }, [client]);
  return <RealtimeContext.Provider value={client}>{children}</RealtimeContext.Provider>;
}

export function useRealtimeClient(): RealtimeClient {
  return useContext(RealtimeContext);
}
