// A month's statement as CSV: UTF-8 with a byte-order mark (so Excel in Japan reads it as UTF-8),
// one row per line, then the reductions and the totals; headers in the reader's language.
import { getTranslations } from 'next-intl/server';
import { requireCustomer } from '@/lib/auth/guard';
import { statementCsv } from '@/lib/billing/statement-csv';
import { statementView } from '@/lib/billing/snapshots';
import { getDb } from '@/lib/db';
import { isMonth } from '@/lib/rules';

export async function GET(_request: Request, { params }: { params: Promise<{ month: string }> }) {
  const actor = await requireCustomer();
  const { month } = await params;
  if (!isMonth(month)) return new Response('Not found', { status: 404 });
  // An issued month: the issued figures, never a recomputation.
  const { statement } = await statementView(await getDb(), actor.customerId, month);
  const body = statementCsv(statement, await getTranslations());
  return new Response(`\uFEFF${body}`, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="smarthub-statement-${month}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
}
