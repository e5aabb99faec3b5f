// A month's statement as PDF, in the reader's language, Japanese text in an embedded font.
import { getLocale, getTranslations } from 'next-intl/server';
import { requireCustomer } from '@/lib/auth/guard';
import { statementPdf } from '@/lib/billing/statement-pdf';
import { statementView } from '@/lib/billing/snapshots';
import { customerName } from '@/lib/billing/statements';
import { getDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/locale';
import { isMonth } from '@/lib/rules';

export async function GET(_request: Request, { params }: { params: Promise<{ month: string }> }) {
  const actor = await requireCustomer();
  const { month } = await params;
  if (!isMonth(month)) return new Response('Not found', { status: 404 });
  const db = await getDb();
  // An issued month: the issued figures, never a recomputation.
  const [{ statement }, name] = await Promise.all([statementView(db, actor.customerId, month), customerName(db, actor.customerId)]);
  const pdf = await statementPdf(statement, await getTranslations(), (await getLocale()) as Locale, name);
  return new Response(new Uint8Array(pdf), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="smarthub-statement-${month}.pdf"`,
      'cache-control': 'private, no-store',
    },
  });
}
