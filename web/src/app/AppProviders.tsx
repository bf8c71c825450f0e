import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { LazyMotion, domAnimation } from 'motion/react';
import type { ReactNode } from 'react';
import { RealtimeProvider } from '../lib/realtime/context';
import type { RealtimeClient } from '../lib/realtime/realtime-client';

export function AppProviders({
  queryClient,
  realtimeClient,
  children,
}: {
  queryClient: QueryClient;
  realtimeClient: RealtimeClient;
  children: ReactNode;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <RealtimeProvider client={realtimeClient}>
        <LazyMotion features={domAnimation} strict>
          {children}
        </LazyMotion>
      </RealtimeProvider>
    </QueryClientProvider>
  );
}
