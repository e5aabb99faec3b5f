import type { ReactNode } from 'react';

const tones = {
  green: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30',
  blue: 'bg-sky-50 text-sky-800 ring-sky-600/30',
  amber: 'bg-amber-50 text-amber-900 ring-amber-600/40',
  grey: 'bg-slate-100 text-slate-700 ring-slate-500/30',
} as const;

export type BadgeTone = keyof typeof tones;

export function Badge({ tone, children }: { tone: BadgeTone; children: ReactNode }) {
  return (
    <span className={`inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}`}>
      {children}
    </span>
  );
}
