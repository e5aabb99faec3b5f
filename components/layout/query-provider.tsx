'use client';

import { isServer, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';

// TanStack Query is not in the root layout: only the components that query (the flow forms' live
// preview, the staff's customer search) are wrapped in this provider, so other pages never load it.

const makeClient = () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } });
let browserClient: QueryClient | undefined;

/** One client per server render; one for the whole browser tab, whichever component asks first. */
function queryClient(): QueryClient {
  if (isServer) return makeClient();
  return (browserClient ??= makeClient());
}

export function QueryProvider({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient()}>{children}</QueryClientProvider>;
}
