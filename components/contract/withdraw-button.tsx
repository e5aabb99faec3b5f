/** A plain form with one button: works without JavaScript; the action redirects back with a notice. */
export function WithdrawButton({
  action,
  fields,
  label,
}: {
  action: (formData: FormData) => Promise<void>;
  fields: Record<string, string>;
  label: string;
}) {
  return (
    <form action={action}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">
        {label}
      </button>
    </form>
  );
}
