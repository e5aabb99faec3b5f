'use client';

import { useLocale, useTranslations } from '@/components/layout/translations';
import { useActionState, type ReactNode } from 'react';
import { Violations } from '@/components/contract/violations';
import { Button } from '@/components/ui/button';
import { Refusal } from '@/components/ui/refusal';
import { firstField, initialFormState, type FormState } from '@/lib/form-state';

export type OpAction = (state: FormState, formData: FormData) => Promise<FormState>;

/** An operator form's server answer: success redirects (with a notice), a refusal comes back here. */
export function useOpForm(action: OpAction) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const t = useTranslations('backoffice');
  const error = (name: string) => {
    const key = state.fieldErrors?.[name];
    return key ? t(`fieldErrors.${key}`) : undefined;
  };
  /** What was sent last (React resets a form after an action; the fields are remounted with it). */
  const value = (name: string, fallback = '') => firstField(state.fields[name]) ?? fallback;
  return { state, formAction, pending, error, value, formKey: state.nonce ?? 'initial' };
}

/** Why nothing changed: a rule of the terms, a refusal, or the fields to correct. */
export function FormFeedback({ state }: { state: FormState }) {
  const t = useTranslations('backoffice');
  const tAll = useTranslations();
  const locale = useLocale();
  if (state.violations?.length) return <Violations violations={state.violations} t={tAll} locale={locale} />;
  if (state.refusal) {
    return <Refusal testId="op-refusal" message={t(`refusals.${state.refusal}`)} errorRef={state.errorRef} t={tAll} />;
  }
  if (state.fieldErrors && Object.keys(state.fieldErrors).length > 0) {
    return (
      <p role="alert" data-testid="op-refusal" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
        {t('nothingChanged')}
      </p>
    );
  }
  return null;
}

export function SubmitButton({
  pending,
  children,
  variant = 'primary',
  describedBy,
}: {
  pending: boolean;
  children: ReactNode;
  variant?: 'primary' | 'secondary';
  describedBy?: string;
}) {
  const t = useTranslations('backoffice');
  return (
    <Button type="submit" variant={variant} disabled={pending} aria-describedby={describedBy}>
      {pending ? t('working') : children}
    </Button>
  );
}
