import { getLocale } from 'next-intl/server';
import { referencePageHtml } from '@/lib/api-reference/page';
import { isLocale } from '@/lib/i18n/locale';

// The API reference page (lib/api-reference/page.ts). Public, like the document it shows.
export async function GET(request: Request) {
  const locale = await getLocale();
  const html = await referencePageHtml(isLocale(locale) ? locale : 'en', request.headers.get('x-nonce'));
  return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}
