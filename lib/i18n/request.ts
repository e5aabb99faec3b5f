import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { isLocale, localeFromAcceptLanguage, LOCALE_COOKIE, type Locale } from './locale';
import backofficeEn from './messages/backoffice.en.json';
import backofficeJa from './messages/backoffice.ja.json';
import en from './messages/en.json';
import ja from './messages/ja.json';

// The operators' back office keeps its wording in files of its own.
const messages = { ja: { ...ja, ...backofficeJa }, en: { ...en, ...backofficeEn } } satisfies Record<Locale, unknown>;

export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : localeFromAcceptLanguage((await headers()).get('accept-language'));
  return { locale, messages: messages[locale], timeZone: 'Asia/Tokyo' };
});
