'use client';

import { useActionState } from 'react';
import { useTranslations } from '@/components/layout/translations';
import { Button } from '@/components/ui/button';
import { Refusal } from '@/components/ui/refusal';
import { resetStaffSecondFactorAction } from '@/lib/auth/staff-actions';
import { initialFormState } from '@/lib/form-state';

/** The new enrolment link of an answer, if it is one. */
function linkOf(preview: unknown): { name: string; link: string; expiresAt: string } | null {
  const p = preview as { name?: unknown; link?: unknown; expiresAt?: unknown } | null | undefined;
  return typeof p?.link === 'string' && typeof p.name === 'string' && typeof p.expiresAt === 'string' ? { name: p.name, link: p.link, expiresAt: p.expiresAt } : null;
}

/**
 * An operator resets another staff member's second factor. The answer shows the new one-time
 * enrolment link once, for the operator to hand over (the member sets a password, an
 * authenticator and new recovery codes there).
 */
export function ResetFactorForm({ staffUserId, name }: { staffUserId: string; name: string }) {
  const t = useTranslations('backoffice.staffMembers');
  const tAll = useTranslations();
  const [state, action, pending] = useActionState(resetStaffSecondFactorAction, initialFormState);
  const issued = linkOf(state.preview);
  if (issued) {
    return (
      <div className="space-y-2" data-testid="factor-reset-done">
        <p role="status" className="text-sm text-emerald-900">
          {t('resetDone', { name: issued.name })}
        </p>
        <p className="font-mono text-xs break-all" data-testid="enrolment-link">
          {issued.link}
        </p>
      </div>
    );
  }
  const refusal = state.refusal ?? (state.fieldErrors ? 'not_found' : undefined);
  const known = ['own_factor', 'not_found', 'forbidden'];
  return (
    <form action={action} className="space-y-2">
      {refusal && <Refusal testId="factor-reset-refusal" message={t(`errors.${known.includes(refusal) ? refusal : 'failed'}`)} errorRef={state.errorRef} t={tAll} />}
      <input type="hidden" name="staffUserId" value={staffUserId} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={t('resetFor', { name })}>
        {pending ? t('working') : t('reset')}
      </Button>
    </form>
  );
}
