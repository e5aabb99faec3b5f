import { useTranslations } from '@/components/layout/translations';
import { Field, inputClass } from '@/components/ui/field';
import type { FormState } from '@/lib/form-state';

// What the fields of every kind of order share (order-fields.tsx, cloud-port-fields.tsx,
// napt-order-fields.tsx).

export const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
export const all = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The translator, the field errors in words, and the select and text field builders of an order. */
export function useOrderFieldKit(state: FormState) {
  const t = useTranslations();
  const values = state.fields;
  const errors = state.fieldErrors ?? {};
  const error = (name: string) => (errors[name] ? t(`form.fieldErrors.${errors[name]}`) : undefined);
  const select = (name: string, label: string, choices: { value: string; label: string }[], onChange?: (v: string) => void) => (
    <Field id={name} label={label} error={error(name)}>
      {(props) => (
        <select
          {...props}
          name={name}
          defaultValue={first(values[name])}
          className={inputClass}
          onChange={onChange ? (e) => onChange(e.target.value) : undefined}
        >
          <option value="">{t('form.choose')}</option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const textInput = (name: string, label: string, maxLength: number) => (
    <Field id={name} label={label} error={error(name)}>
      {(props) => <input {...props} name={name} type="text" maxLength={maxLength} defaultValue={first(values[name])} className={inputClass} />}
    </Field>
  );
  return { t, values, error, select, textInput };
}

