// Wiring shared by the popup and the options page: one query client over one local database.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { KatipDb } from '@/utils/db';
import { DbProvider } from './DbContext';

/** A query client for local IndexedDB reads: no retries, no refetch on focus (the data only changes here or by messages). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 0 },
      mutations: { retry: false },
    },
  });
}

export function AppProviders({ db, client, children }: { db: KatipDb; client?: QueryClient; children: ReactNode }) {
  const [own] = useState(() => client ?? createQueryClient());
  return (
    <QueryClientProvider client={own}>
      <DbProvider db={db}>{children}</DbProvider>
    </QueryClientProvider>
  );
}
