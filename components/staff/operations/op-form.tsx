'use client';

import { useTranslations } from 'next-intl';
import { useActionState, type ReactNode } from 'react';
import { Violations } from '@/components/contract/violations';
import { Button } from '@/components/ui/button';
import { initialOpFormState, type OpFormState } from '@/lib/backoffice/form-state';

export type OpAction = (state: OpFormState, formData: FormData) => Promise<OpFormState>;

/** An operator form's server answer: success redirects (with a notice), a refusal comes back here. */
export function useOpForm(action: OpAction) {
  const [state, formAction, pending] = useActionState(action, initialOpFormState);
  const t = useTranslations('backoffice');
  const error = (name: string) => {
    const key = state.fieldErrors?.[name];
    return key ? t(`fieldErrors.${key}`) : undefined;
  };
  /** What was sent last (React resets a form after an action; the fields are remounted with it). */
  const value = (name: string, fallback = '') => state.fields[name] ?? fallback;
  return { state, formAction, pending, error, value, formKey: state.nonce ?? 'initial' };
}

/** Why nothing changed: a rule of the terms, a refusal, or the fields to correct. */
export function FormFeedback({ state }: { state: OpFormState }) {
  const t = useTranslations('backoffice');
  if (state.violations?.length) return <Violations violations={state.violations} />;
  if (state.refusal) {
    return (
      <p role="alert" data-testid="op-refusal" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
        {t(`refusals.${state.refusal}`)}
      </p>
    );
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
