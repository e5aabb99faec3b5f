/** The form's identifiers and, in the review, what the customer sent, as hidden inputs. */
export function HiddenFields({ fields }: { fields: Record<string, string | string[]> }) {
  return Object.entries(fields).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((v, i) => <input key={`${name}-${i}`} type="hidden" name={name} value={v} />),
  );
}
