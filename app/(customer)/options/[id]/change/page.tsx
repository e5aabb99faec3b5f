import { offersChanges } from '@/lib/auth/access';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ChangeForm } from '@/components/contract/change-form';
import { ClientMessages, FLOW_FORM_MESSAGES } from '@/components/layout/client-messages';
import { describeOption } from '@/components/contract/option-details';
import { ViewOnly } from '@/components/contract/view-only';
import { getDb } from '@/lib/db';
import { requireCustomer } from '@/lib/auth/guard';
import { getOptionPage } from '@/lib/contracts/queries';
import { changeTargets } from '@/lib/contracts/change';
import { formatArticle } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { isUuid } from '@/lib/ids';
import { isPort, ruleArticle } from '@/lib/rules';

export default async function ChangeOptionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireCustomer();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const page = await getOptionPage(await getDb(), { optionId: id, customerId: actor.customerId });
  if (!page || page.option.status === 'ended') notFound();
  const { option, contract } = page;
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const change = changeTargets(option);
  // Every other change is refused by the terms: say which rule, and why.
  const why = isPort(option.kind) ? 'R-M2-UPGRADE-ONLY' : 'R-ITEM-CHANGE';
  return (
    <div className="max-w-3xl space-y-6">
      <Link href={`/contracts/${contract.id}`} className="text-sm text-brand-700 underline">
        {t('receipt.backToContract')}
      </Link>
      <h1 className="text-2xl font-semibold">{t('change.title', { kind: t(`kinds.${option.kind}`), code: option.code })}</h1>
      <p className="text-sm text-slate-700">{t('change.current', { value: describeOption(t, option.kind, option.attributes) })}</p>
      {!offersChanges(actor) ? (
        <ViewOnly />
      ) : !change ? (
        <div data-testid="change-not-offered" className="rounded-md border border-slate-300 bg-white p-4 text-sm">
          <p className="font-medium">{t('change.notOffered')}</p>
          <p className="mt-1 text-slate-700">
            {t('change.whyNot', { rule: why, article: formatArticle(locale, ruleArticle(why)), text: t(`rules.${why}`) })}
          </p>
        </div>
      ) : change.targets.length === 0 ? (
        <p data-testid="change-not-offered" className="rounded-md border border-slate-300 bg-white p-4 text-sm">
          {t('change.noTargets')}
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-600">{t('change.requestNote')}</p>
          <ClientMessages namespaces={FLOW_FORM_MESSAGES}>
            <ChangeForm optionId={option.id} targets={change.targets} />
          </ClientMessages>
        </>
      )}
    </div>
  );
}
