import { useCallback, useSyncExternalStore } from 'react';
import { useRealtimeClient } from './context';
import type { ConnectionStatus } from './realtime-client';

export function useConnectionStatus(): ConnectionStatus {
  const client = useRealtimeClient();
  const subscribe = useCallback((onChange: () => void) => client.addConnectionStatusListener(onChange), [client]);
  const getSnapshot = useCallback(() => client.getConnectionStatus(), [client]);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
