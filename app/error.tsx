'use client';

import { useGenericErrorText } from '@/components/layout/error-text';

// Internals never reach the browser: only a plain message and the digest for support.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const generic = useGenericErrorText();
  return (
    <div className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-8">
      <p className="text-slate-800">{generic}</p>
      {error.digest && <p className="mt-2 font-mono text-xs text-slate-500">ref: {error.digest}</p>}
      <button type="button" onClick={reset} className="mt-4 text-brand-700 underline">
        OK
      </button>
    </div>
  );
}
