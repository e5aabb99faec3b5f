'use client';

/** The label comes from the server page, so the receipt needs no messages in the browser. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="no-print rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
    >
      {label}
    </button>
  );
}
