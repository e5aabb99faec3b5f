import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { isLocale, localeFromAcceptLanguage, LOCALE_COOKIE, type Locale } from './locale';
import en from './messages/en.json';
import ja from './messages/ja.json';

const messages = { ja, en } satisfies Record<Locale, unknown>;

export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : localeFromAcceptLanguage((await headers()).get('accept-language'));
  return { locale, messages: messages[locale], timeZone: 'Asia/Tokyo' };
});
