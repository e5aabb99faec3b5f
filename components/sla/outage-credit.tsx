import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locale';
import { formatDate, formatDateTime, formatMonth, formatYen } from '@/lib/i18n/format';
import { claimWindowOn, earnedCredit, japanDate, notificationLateness, outageDurationMinutes, type CreditKind } from '@/lib/rules';
import { claimCreditAction } from '@/lib/sla/actions';
import type { MonthCap, OutageCreditView } from '@/lib/sla/queries';

const CLAIM_LABEL: Record<CreditKind, 'sla.claimAvailability' | 'sla.claimNotification'> = {
  availability: 'sla.claimAvailability',
  notification: 'sla.claimNotification',
};

/** One outage on the SLA page: what happened, what it earns, until when, and its claims. */
export async function OutageCredit({
  view,
  now,
  canClaim,
  returnTo,
  monthCaps,
}: {
  view: OutageCreditView;
  now: Date;
  canClaim: boolean;
  returnTo: string;
  /** R-SLA-CAP per billing month of this contract's approved claims. */
  monthCaps: Record<string, MonthCap>;
}) {
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const { outage, credits } = view;
  const today = japanDate(now);
  const yen = (n: number) => formatYen(locale, n);
  const length = outageDurationMinutes(outage.startedAt, outage.endedAt);
  const lateness = notificationLateness({ detectedAt: outage.detectedAt, notifiedAt: outage.notifiedAt, now });
  const reason = outage.exclusionReason && t.has(`backoffice.outages.reasons.${outage.exclusionReason}`) ? t(`backoffice.outages.reasons.${outage.exclusionReason}`) : null;
  const availability = credits?.availability;
  // An approved claim as its statement takes it: the cap of its month (R-SLA-CAP) may hold part of it back.
  const approvedText = (amountYen: number, month: string | null) => {
    const approved = t('sla.claimStatus.approved', { amount: yen(amountYen), month: month ? formatMonth(locale, month) : '—' });
    const cap = month ? monthCaps[month] : undefined;
    if (!month || !cap || cap.cappedYen === 0) return approved;
    return `${approved} ${t('sla.claimStatus.capped', {
      month: formatMonth(locale, month),
      claimed: yen(cap.claimedYen),
      fee: cap.basicMonthlyFeeYen === null ? '—' : yen(cap.basicMonthlyFeeYen),
      applied: yen(cap.appliedYen),
      capped: yen(cap.cappedYen),
    })}`;
  };
  const notification = credits?.notification;

  return (
    <section aria-labelledby={`outage-${outage.id}`} data-testid="sla-outage" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={`outage-${outage.id}`} className="text-base font-semibold">
        {t('sla.outageHeading', { start: formatDateTime(locale, outage.startedAt) })}
      </h2>
      <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-slate-600">{t('sla.ended')}</dt>
        <dd data-testid="sla-ended">{outage.endedAt ? formatDateTime(locale, outage.endedAt) : <span className="badge badge-amber">{t('sla.inProgress')}</span>}</dd>
        <dt className="text-slate-600">{t('sla.length')}</dt>
        <dd>{length ? t('backoffice.outages.durationValue', length) : '—'}</dd>
        <dt className="text-slate-600">{t('sla.band')}</dt>
        <dd data-testid="sla-band">
          {credits?.excluded
            ? t('sla.bandExcluded')
            : availability?.state === 'ended'
            ? availability.fraction.numerator === 0
              ? t('sla.bandNone')
              : t('sla.bandValue', { fraction: `${availability.fraction.numerator}/${availability.fraction.denominator}`, amount: yen(availability.yen) })
            : '—'}
        </dd>
        <dt className="text-slate-600">{t('sla.notification')}</dt>
        <dd data-testid="sla-notification">
          {lateness.state === 'on_time'
            ? t('sla.notifiedOnTime', { minutes: lateness.minutesAfterDetection ?? 0 })
            : lateness.state === 'late' && credits?.excluded
              ? t('sla.notifiedLateNoCredit', { minutes: lateness.minutesAfterDetection ?? 0, late: lateness.minutesLate ?? 0 })
              : lateness.state === 'overdue' && credits?.excluded
                ? t('sla.overdueNoCredit', { deadline: formatDateTime(locale, lateness.deadline) })
                : lateness.state === 'late'
              ? t('sla.notifiedLate', { minutes: lateness.minutesAfterDetection ?? 0, late: lateness.minutesLate ?? 0, amount: yen(notification && 'yen' in notification ? notification.yen : 0) })
              : lateness.state === 'overdue'
                ? t('sla.overdue', { deadline: formatDateTime(locale, lateness.deadline), amount: yen(notification && 'yen' in notification ? notification.yen : 0) })
                : t('sla.notYetNotified', { deadline: formatDateTime(locale, lateness.deadline) })}
        </dd>
        {reason && (
          <>
            <dt className="text-slate-600">{t('contract.outageReason')}</dt>
            <dd data-testid="sla-excluded" className="font-medium">
              {t('sla.excluded', { reason })}
            </dd>
          </>
        )}
      </dl>

      <ul className="mt-4 space-y-3 border-t border-slate-100 pt-3 text-sm">
        {(['availability', 'notification'] as const).map((kind) => {
          const { claim, refusal } = view.kinds[kind];
          // An excluded outage earns nothing: no deadline, no amount, only its reason (above).
          const earned = credits && !credits.excluded ? earnedCredit(credits, kind) : null;
          if (!claim && !earned) return null;
          const window = earned ? claimWindowOn({ lastDayToClaim: earned.lastDayToClaim, today }) : null;
          return (
            <li key={kind} data-testid={`sla-claim-${kind}`} className="space-y-2">
              <p className="font-medium">{t(`sla.kinds.${kind}`)}</p>
              {earned && window && !claim && (
                <p data-testid="sla-last-day">
                  {t('sla.lastDay', {
                    value: window.open
                      ? t('sla.daysLeft', { date: formatDate(locale, earned.lastDayToClaim), days: window.daysLeft })
                      : t('sla.lapsed', { date: formatDate(locale, earned.lastDayToClaim) }),
                  })}
                </p>
              )}
              {claim ? (
                <p data-testid="sla-claim-status" className={claim.status === 'rejected' ? 'text-red-800' : 'text-slate-800'}>
                  {claim.status === 'submitted'
                    ? t('sla.claimStatus.submitted', { date: formatDate(locale, japanDate(claim.claimedAt)), amount: yen(claim.amountYen) })
                    : claim.status === 'approved'
                      ? approvedText(claim.amountYen, claim.billingMonth)
                      : t('sla.claimStatus.rejected', { reason: claim.decisionReason ?? '' })}
                </p>
              ) : earned && refusal === null && canClaim ? (
                <form action={claimCreditAction} className="space-y-2">
                  <input type="hidden" name="outageId" value={outage.id} />
                  <input type="hidden" name="kind" value={kind} />
                  <input type="hidden" name="returnTo" value={returnTo} />
                  <label className="block">
                    <span className="text-slate-600">{t('sla.comment')}</span>
                    <textarea name="comment" maxLength={1000} rows={2} className="mt-1 block w-full max-w-xl rounded-md border border-slate-300 p-2" />
                  </label>
                  <button type="submit" className="rounded-md bg-brand-600 px-3 py-2 font-medium text-white hover:bg-brand-700">
                    {t(CLAIM_LABEL[kind], { amount: yen(earned.yen) })}
                  </button>
                </form>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
