'use client';

import { createContext, use, useMemo, type ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locale';
import { createTranslate, type Messages, type Translate } from '@/lib/i18n/translate';

// The client components' translations: the messages `ClientMessages` picked on the server
// (precompiled), formatted by lib/i18n/translate. Not next-intl's NextIntlClientProvider, whose
// runtime was most of the extra JavaScript of every form page.

const MessagesContext = createContext<{ locale: Locale; messages: Messages } | null>(null);

export function MessagesProvider({ locale, messages, children }: { locale: Locale; messages: Messages; children: ReactNode }) {
  const value = useMemo(() => ({ locale, messages }), [locale, messages]);
  return <MessagesContext value={value}>{children}</MessagesContext>;
}

function useMessages() {
  const found = use(MessagesContext);
  if (!found) throw new Error('A client component that translates must be inside <ClientMessages> (components/layout/client-messages.tsx)');
  return found;
}

/** The translator of `namespace` (or of every picked namespace), like next-intl's hook of the same name. */
export function useTranslations(namespace?: string): Translate {
  const { locale, messages } = useMessages();
  return useMemo(() => createTranslate(locale, messages, namespace), [locale, messages, namespace]);
}

export function useLocale(): Locale {
  return useMessages().locale;
}
