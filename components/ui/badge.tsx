import type { ReactNode } from 'react';

// The classes live in app/globals.css (.badge, .badge-<tone>): a table of hundreds of rows
// repeated a dozen utilities per badge in its HTML and again in its RSC payload.
export type BadgeTone = 'green' | 'blue' | 'amber' | 'grey';

export function Badge({ tone, children }: { tone: BadgeTone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
