'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { QueryProvider } from '@/components/layout/query-provider';
import type { FlowName, Outcome } from '@/lib/contracts/types';

export type PreviewResponse<P> = { outcome?: Outcome<P>; fieldErrors?: Record<string, string> } | null;

export interface PreviewQueryProps<P> {
  flow: FlowName;
  /** The form as typed (URL-encoded), or null while there is nothing to preview. */
  body: string | null;
  onResult: (result: PreviewResponse<P> | undefined) => void;
}

function LivePreviewQuery<P>({ flow, body, onResult }: PreviewQueryProps<P>) {
  const live = useQuery<PreviewResponse<P>>({
    queryKey: ['preview', flow, body],
    enabled: body !== null,
    placeholderData: (previous) => previous,
    queryFn: async ({ signal }) => {
      const response = await fetch(`/api/preview/${flow}`, {
        method: 'POST',
        body: new URLSearchParams(body ?? ''),
        signal,
      });
      if (!response.ok) return null;
      return (await response.json()) as PreviewResponse<P>;
    },
  });
  // Only answers: before the first one (the query is off until the customer changes something)
  // the form keeps showing the page's own preview, which reporting `undefined` would hide.
  useEffect(() => {
    if (live.data !== undefined) onResult(live.data);
  }, [live.data, onResult]);
  return null;
}

/**
 * The live preview's query: as the customer types, the same rules run on the server (review
 * mode, nothing written) and the result goes to `onResult`; FlowForm shows it. Loaded by FlowForm
 * after the page is interactive (next/dynamic, not rendered on the server), so the query library
 * is not part of any page's first load; without JavaScript there is no live preview anyway.
 */
export function PreviewQuery<P>(props: PreviewQueryProps<P>) {
  return (
    <QueryProvider>
      <LivePreviewQuery {...props} />
    </QueryProvider>
  );
}
