// A month's statement as PDF (pdfkit), with Noto Sans JP from an npm package embedded (only the
// glyphs used), so Japanese prints the same on any machine and no system font is needed. The
// words and numbers are the page's (statement-text.ts); the total is the statement's.
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { formatMonth, formatYen } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import type { Translate } from '@/lib/i18n/translate';
import { lineArithmetic, lineLabel } from './statement-text';
import type { Statement } from './statements';

const FONT_DIR = path.join(process.cwd(), 'node_modules', '@expo-google-fonts', 'noto-sans-jp');
const REGULAR = path.join(FONT_DIR, '400Regular', 'NotoSansJP_400Regular.ttf');
const BOLD = path.join(FONT_DIR, '700Bold', 'NotoSansJP_700Bold.ttf');

/** The statement as PDF bytes (A4). */
export function statementPdf(statement: Statement, t: Translate, locale: Locale, customerName: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: {
      Title: t('statements.title', { month: formatMonth(locale, statement.month) }),
      // Machine-readable, so a check (and an accounting tool) can read the total without parsing the page.
      Keywords: `smarthub-statement month=${statement.month} total-yen=${statement.totalYen}`,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const yen = (n: number) => formatYen(locale, n);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const amountWidth = 110;

  doc.font('bold').fontSize(16).text(t('statements.title', { month: formatMonth(locale, statement.month) }));
  doc.font('regular').fontSize(10).text(customerName).moveDown(0.5);
  doc.fontSize(8).fillColor('#444').text(t('statements.intro')).fillColor('black').moveDown();

  const row = (label: string, detail: string | null, amount: string, bold = false) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 40) doc.addPage();
    const y = doc.y;
    doc.font(bold ? 'bold' : 'regular').fontSize(10).text(label, left, y, { width: width - amountWidth - 10 });
    const after = doc.y;
    doc.text(amount, left + width - amountWidth, y, { width: amountWidth, align: 'right' });
    doc.y = Math.max(after, doc.y);
    if (detail) doc.font('regular').fontSize(8).fillColor('#444').text(detail, left, doc.y, { width: width - amountWidth - 10 }).fillColor('black');
    doc.moveDown(0.4);
  };
  for (const line of statement.lines) row(lineLabel(line, t), lineArithmetic(line, t, locale), yen(line.amountYen));
  for (const r of statement.reductions) {
    const detail = t('statements.reductionDetail', { claimed: yen(r.claimedYen), fee: r.basicMonthlyFeeYen === null ? '—' : yen(r.basicMonthlyFeeYen) });
    row(t('statements.reduction', { contract: r.contractNumber }), r.cappedYen > 0 ? `${detail} ${t('statements.reductionCapped', { capped: yen(r.cappedYen) })}` : detail, `−${yen(r.appliedYen)}`);
  }
  doc.moveTo(left, doc.y).lineTo(left + width, doc.y).stroke().moveDown(0.4);
  row(t('statements.subtotal'), null, yen(statement.subtotalYen));
  row(t('statements.tax'), null, yen(statement.taxYen));
  row(t('statements.total'), null, yen(statement.totalYen), true);
  doc.end();
  return done;
}
