import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { InterruptionNotice } from '@/components/contract/interruption-notice';
import { withNaptUnderPorts } from '@/components/contract/napt-placement';
import { describeOption } from '@/components/contract/option-details';
import { DoneNotice } from '@/components/staff/operations/done-notice';
import { AcceptForm, CompleteForm, RejectForm } from '@/components/staff/operations/queue-forms';
import { Badge } from '@/components/ui/badge';
import { getDb } from '@/lib/db';
import { requireStaffPage } from '@/lib/auth/guard';
import { listApplicationQueueForStaff, type QueueItem } from '@/lib/backoffice/queries';
import { formatDate, formatDateTime, formatYen } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { japanDate } from '@/lib/rules';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('backoffice.applications'))('title') };
}

export default async function ApplicationsQueuePage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  await requireStaffPage('operator');
  const items = await listApplicationQueueForStaff(await getDb());
  const { done } = await searchParams;
  const t = await getTranslations();
  const tb = await getTranslations('backoffice');
  const locale = (await getLocale()) as Locale;
  const today = japanDate(new Date());

  const describe = (item: QueueItem) => {
    if (item.source === 'change') {
      return tb(item.type === 'change_speed' ? 'applications.changeSpeed' : 'applications.changeItem', {
        kind: t(`kinds.${item.option.kind}`),
        code: item.option.code,
        contract: item.contractNumber,
        from: item.from,
        to: item.to,
      });
    }
    return tb(item.type === 'new_contract' ? 'applications.newContract' : 'applications.addOption', { contract: item.contractNumber });
  };

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{tb('applications.title')}</h1>
      <p className="text-sm text-slate-700">{tb('applications.intro')}</p>
      <DoneNotice done={done} />
      {items.length === 0 ? (
        <p data-testid="queue-empty" className="text-sm text-slate-600">
          {tb('applications.empty')}
        </p>
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">{tb('applications.caption')}</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">{tb('applications.submittedAt')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{tb('common.customer')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{tb('applications.what')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{tb('common.status')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{tb('common.actions')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {items.map((item) => {
                const whatId = `what-${item.id}`;
                const codes = item.source === 'change' ? [item.option.code] : item.options.map((o) => o.code);
                return (
                  <tr key={item.id} data-testid="queue-row" data-source={item.source} data-codes={codes.join(' ')}>
                    <td className="px-4 py-3 whitespace-nowrap">{formatDateTime(locale, item.submittedAt)}</td>
                    <td className="px-4 py-3">
                      <span className="font-medium">{item.customer.name}</span>
                      <span className="block font-mono text-xs text-slate-600">{item.customer.code}</span>
                    </td>
                    <th scope="row" id={whatId} className="px-4 py-3 text-left font-normal">
                      <span className="font-medium">{describe(item)}</span>
                      {item.source === 'application' && (
                        <ul className="mt-1 space-y-0.5 text-slate-700">
                          {withNaptUnderPorts(item.options).map((o) => {
                            // A NAPT add-on names its port: one in this application (drawn under it), or one the contract holds.
                            const onPort = o.kind === 'napt' ? o.portCode : null;
                            const underPort = onPort !== null && item.options.some((p) => p.id === o.portId);
                            return (
                              <li key={o.id} className={underPort ? 'pl-4' : undefined} data-testid="queue-option">
                                {t(`kinds.${o.kind}`)} <span className="font-mono text-xs">{o.code}</span>
                                <span className="block text-xs text-slate-600">
                                  {describeOption(t, o.kind, o.attributes)}
                                  {onPort && ` · ${tb('applications.naptOnPort', { code: onPort })}`}
                                </span>
                              </li>
                            );
                          })}
                        </ul>
                      )}
                      {item.source === 'application' && item.interruptions && item.interruptions.length > 0 && (
                        <div className="mt-2 max-w-md" data-testid="queue-interruptions">
                          <p className="mb-1 text-xs font-semibold text-slate-800">{tb('applications.interruptsTitle')}</p>
                          <InterruptionNotice interruptions={item.interruptions} t={t} />
                        </div>
                      )}
                      {item.source === 'application' && item.initialYenAsApplied !== null && (
                        <span className="mt-1 block text-xs text-slate-600">
                          {tb('applications.initialAsApplied', { amount: formatYen(locale, item.initialYenAsApplied) })}
                        </span>
                      )}
                      {item.source === 'change' && item.oneTimeYenAsApplied !== null && item.oneTimeYenAsApplied > 0 && (
                        <span className="mt-1 block text-xs text-slate-600">
                          {tb('applications.oneTimeAsApplied', { amount: formatYen(locale, item.oneTimeYenAsApplied) })}
                        </span>
                      )}
                    </th>
                    <td className="px-4 py-3" data-testid="queue-status">
                      {item.status === 'submitted' ? (
                        <Badge tone="blue">{tb('applications.statusSubmitted')}</Badge>
                      ) : (
                        <Badge tone="green">
                          {tb('applications.statusAccepted', {
                            date: formatDate(locale, item.decidedAt ? japanDate(item.decidedAt) : null),
                          })}
                        </Badge>
                      )}
                    </td>
                    <td className="min-w-[16rem] space-y-3 px-4 py-3">
                      {item.status === 'submitted' ? (
                        <>
                          <AcceptForm source={item.source} id={item.id} describedBy={whatId} />
                          <RejectForm source={item.source} id={item.id} describedBy={whatId} />
                        </>
                      ) : (
                        <CompleteForm source={item.source} id={item.id} today={today} describedBy={whatId} />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
