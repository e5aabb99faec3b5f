import { getLocale, getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locale';
import { MessagesProvider } from './translations';

// The browser gets only the messages its client components use: there is no provider in the root
// layout, and each client subtree is wrapped in one that names its namespaces here. The messages
// are precompiled (next.config.mjs) and the client components translate with `useTranslations`
// from ./translations (a context and icu-minify's formatter), not with next-intl's client runtime.
// A client component whose namespace is missing shows the key (and logs MISSING_MESSAGE in
// development): add the namespace to its list.

/** The flow forms (components/contract/forms): fields, review, live preview, violations, refusals. */
export const FLOW_FORM_MESSAGES = [
  'form',
  'rules',
  'errors',
  'fees',
  'cancel',
  'interruption',
  'kinds',
  'lines',
  'clouds',
  'cloudsShort',
  'details',
] as const;
export const CLOUD_INFO_MESSAGES = ['form', 'errors', 'cloudInfo'] as const;
export const GRANT_MESSAGES = ['grant', 'errors'] as const;
/** Every client component of the staff pages (search, support start, back-office forms). */
export const STAFF_MESSAGES = ['backoffice', 'support', 'form', 'rules', 'errors', 'interruption', 'kinds'] as const;

type Messages = Record<string, unknown>;

/** The messages under the given namespaces ('form', or a nested one: 'backoffice.prices'). */
export function pickMessages(messages: Messages, namespaces: readonly string[]): Messages {
  const picked: Messages = {};
  for (const namespace of namespaces) {
    const path = namespace.split('.');
    let from: unknown = messages;
    for (const key of path) from = from && typeof from === 'object' ? (from as Messages)[key] : undefined;
    if (from === undefined) continue;
    let into = picked;
    for (const key of path.slice(0, -1)) into = (into[key] ??= {}) as Messages;
    into[path.at(-1)!] = from;
  }
  return picked;
}

/** Provides the client components below with the messages of `namespaces` only. */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: ReactNode }) {
  const messages = (await getMessages()) as Messages;
  const locale = (await getLocale()) as Locale;
  return (
    <MessagesProvider locale={locale} messages={pickMessages(messages, namespaces)}>
      {children}
    </MessagesProvider>
  );
}
