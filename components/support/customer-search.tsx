'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from '@/components/layout/translations';
import { useEffect, useState } from 'react';
import { QueryProvider } from '@/components/layout/query-provider';
import type { CustomerHit } from '@/lib/support/types';

type Props = { initialQuery: string; initialHits: CustomerHit[] };

/** Results as you type; without JavaScript the form submits ?q= and the page lists the results. */
export function CustomerSearch(props: Props) {
  return (
    <QueryProvider>
      <SearchAsYouType {...props} />
    </QueryProvider>
  );
}

function SearchAsYouType({ initialQuery, initialHits }: Props) {
  const t = useTranslations('support');
  const [query, setQuery] = useState(initialQuery);
  const [debounced, setDebounced] = useState(initialQuery);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query.trim()), 200);
    return () => clearTimeout(timer);
  }, [query]);
  const search = useQuery<CustomerHit[]>({
    queryKey: ['customer-search', debounced],
    enabled: debounced.length >= 2 && debounced !== initialQuery,
    placeholderData: (previous) => previous,
    queryFn: async ({ signal }) => {
      const response = await fetch(`/api/staff/search?q=${encodeURIComponent(debounced)}`, { signal });
      if (!response.ok) return [] as CustomerHit[];
      return ((await response.json()) as { hits: CustomerHit[] }).hits;
    },
  });
  const hits = debounced === initialQuery ? initialHits : (search.data ?? []);
  return (
    <div className="space-y-4">
      <form role="search" className="flex flex-wrap items-end gap-2" action="/staff/support">
        <div>
          <label htmlFor="q" className="block text-sm font-medium text-slate-800">
            {t('searchLabel')}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            aria-describedby="q-help"
            className="mt-1 block w-80 max-w-full rounded-md border border-slate-400 px-3 py-2"
          />
          <p id="q-help" className="mt-1 text-xs text-slate-600">
            {t('searchHelp')}
          </p>
        </div>
        <button type="submit" className="mb-5 rounded-md border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-100">
          {t('submitSearch')}
        </button>
      </form>
      <div aria-live="polite">
        {search.isFetching && <p className="text-sm text-slate-600">{t('searching')}</p>}
        {debounced.length >= 2 && !search.isFetching && hits.length === 0 && <p className="text-sm">{t('noHits')}</p>}
        {hits.length > 0 && (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="search-hits">
            {hits.map((hit) => (
              <li key={hit.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm" data-testid="search-hit">
                <span>
                  <span className="font-medium">{hit.name}</span> <span className="font-mono text-slate-600">{hit.code}</span>
                  <span className="ml-2 text-xs text-slate-500">({t(`matched.${hit.matched}`)})</span>
                </span>
                <Link href={`/staff/support/customers/${hit.id}`} className="text-brand-700 underline">
                  {t('open')}
                  <span className="sr-only"> {hit.name}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
