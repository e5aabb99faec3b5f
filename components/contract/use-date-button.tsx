'use client';

/**
 * Puts a date into the form's requested-date field, as if the customer had typed it, so the live
 * preview follows. (The value goes through the input's own setter: React ignores a plain
 * assignment followed by an event.)
 */
export function UseDateButton({ date, label, field = 'requestedDate' }: { date: string; label: string; field?: string }) {
  const apply = () => {
    const input = document.getElementById(field);
    if (!(input instanceof HTMLInputElement)) return;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, date);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    input.focus();
  };
  return (
    <button
      type="button"
      onClick={apply}
      data-testid="use-cheapest-date"
      className="rounded-md border border-brand-600 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50"
    >
      {label}
    </button>
  );
}
