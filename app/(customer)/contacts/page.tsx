import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/layout/client-messages';
import { AddContactForm, CompanyDetailsForm, EditContactForm } from '@/components/contacts/contact-forms';
import { Refusal } from '@/components/ui/refusal';
import { requireCustomer } from '@/lib/auth/guard';
import { removeContactAction } from '@/lib/contacts/actions';
import { contactsPage, type Contact } from '@/lib/contacts/contacts';
import type { ContactKind } from '@/lib/contacts/schemas';
import { getDb } from '@/lib/db';
import { errorRefFrom } from '@/lib/form-state';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('contacts'))('title') };
}

const DONE = ['company_saved', 'contact_added', 'contact_saved', 'contact_removed'];
const ERRORS = ['read_only', 'support_view_only', 'not_during_support', 'last_failure_contact', 'not_found', 'failed'];
const MESSAGES = ['contacts', 'errors'];

export default async function ContactsPage({ searchParams }: { searchParams: Promise<{ done?: string; error?: string; ref?: string }> }) {
  const actor = await requireCustomer();
  const page = await contactsPage(await getDb(), actor.customerId);
  if (!page) notFound();
  const { done, error, ref } = await searchParams;
  const t = await getTranslations('contacts');
  const tAll = await getTranslations();
  // Contacts are the customer's own: admins change them; viewers, billing users and support staff read.
  const mayEdit = actor.canWrite && !actor.impersonation;
  const { company } = page;

  const list = (kind: ContactKind, contacts: Contact[]) => (
    <section aria-labelledby={`${kind}-title`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid={`${kind}-contacts`}>
      <h2 id={`${kind}-title`} className="text-lg font-semibold">
        {t(kind === 'failure' ? 'failureTitle' : 'operationsTitle')}
      </h2>
      <p className={kind === 'failure' ? 'rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900' : 'text-sm text-slate-700'}>
        {t(kind === 'failure' ? 'failureIntro' : 'operationsIntro')}
      </p>
      {contacts.length === 0 ? (
        <p className="text-sm text-slate-600">{t(kind === 'failure' ? 'failureEmpty' : 'empty')}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {contacts.map((c) => (
            <li key={c.id} className="space-y-2 py-3" data-testid="contact" data-email={c.email}>
              <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                <dt className="sr-only">{t('contactName')}</dt>
                <dd className="font-medium sm:col-span-2">{c.name}</dd>
                <dt className="text-slate-600">{t('email')}</dt>
                <dd className="break-all">{c.email}</dd>
                <dt className="text-slate-600">{t('contactPhone')}</dt>
                <dd>{c.phone}</dd>
                <dt className="text-slate-600">{t('hours')}</dt>
                <dd>{c.hours}</dd>
                <dt className="text-slate-600">{t('locale')}</dt>
                <dd>{t(c.locale === 'en' ? 'localeEn' : 'localeJa')}</dd>
              </dl>
              {mayEdit && (
                <div className="flex flex-wrap items-start gap-4">
                  <div className="min-w-0 flex-1">
                    <EditContactForm contactId={c.id} initial={{ name: c.name, email: c.email, phone: c.phone, hours: c.hours, locale: c.locale }} />
                  </div>
                  <form action={removeContactAction}>
                    <input type="hidden" name="contactId" value={c.id} />
                    <button
                      type="submit"
                      aria-label={t('removeLabel', { name: c.name })}
                      className="rounded-md border border-red-700 px-3 py-1 text-sm font-medium text-red-800 hover:bg-red-50"
                    >
                      {t('remove')}
                    </button>
                  </form>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {mayEdit && <AddContactForm kind={kind} />}
    </section>
  );

  return (
    <div className="max-w-3xl space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="text-sm text-slate-700">{t('intro')}</p>
      </div>
      {done && DONE.includes(done) && (
        <p data-testid="done-notice" role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
          {t(`done.${done}`)}
        </p>
      )}
      {error && ERRORS.includes(error) && <Refusal testId="contacts-refusal" message={t(`refusals.${error}`)} errorRef={errorRefFrom(ref)} t={tAll} />}
      {!mayEdit && (
        <p data-testid="read-only-notice" className="rounded-md border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900">
          {t(actor.impersonation ? 'duringSupport' : 'readOnly')}
        </p>
      )}
      <ClientMessages namespaces={MESSAGES}>
        <section aria-labelledby="company-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="company-title" className="text-lg font-semibold">
            {t('companyTitle')}
          </h2>
          <p className="text-sm text-slate-700">{t('companyIntro')}</p>
          <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="text-slate-600">{t('code')}</dt>
            <dd className="font-mono">{company.code}</dd>
            <dt className="text-slate-600">{t('name')}</dt>
            <dd>{company.name}</dd>
            <dt className="text-slate-600">{t('nameEn')}</dt>
            <dd lang="en">{company.nameEn ?? t('none')}</dd>
            {!mayEdit && (
              <>
                <dt className="text-slate-600">{t('postalAddress')}</dt>
                <dd>{company.postalAddress ?? t('none')}</dd>
                <dt className="text-slate-600">{t('phone')}</dt>
                <dd>{company.phone ?? t('none')}</dd>
              </>
            )}
          </dl>
          {mayEdit && <CompanyDetailsForm postalAddress={company.postalAddress ?? ''} phone={company.phone ?? ''} />}
        </section>
        {list('failure', page.failure)}
        {list('operations', page.operations)}
      </ClientMessages>
    </div>
  );
}
