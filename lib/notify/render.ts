// The words of a notice: subject, plain text and HTML in the recipient's language, rendered from
// the event's facts at delivery (the facts are data; the messages are lib/i18n's `mail` namespace).
// Used by the worker for e-mails and by the notifications page for the inbox, so both say the same.
import { createTranslator } from 'next-intl';
import en from '@/lib/i18n/messages/en.json';
import ja from '@/lib/i18n/messages/ja.json';
import { formatDate, formatDateTime, formatMonth, formatYen } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { portalUrl } from '@/lib/users/tokens';

/**
 * The facts each message names. A fact an event leaves out is shown as '—' (so a message never
 * fails on a missing value). Dates are 'YYYY-MM-DD', instants ISO strings, months 'YYYY-MM',
 * amounts in yen under a name ending in 'Yen'.
 */
export const MESSAGE_FACTS: Record<string, readonly string[]> = {
  'application.received': ['contractNumber', 'applicationType', 'options'],
  'application.accepted': ['contractNumber', 'applicationType', 'options', 'acceptedOn', 'initialFeesYen'],
  'application.rejected': ['contractNumber', 'applicationType', 'options', 'reason'],
  'application.completed': ['contractNumber', 'options', 'billingStartDate'],
  'change.accepted': ['contractNumber', 'code', 'acceptedOn'],
  'cancellation.received': ['target', 'contractNumber', 'effectiveDate', 'chargeYen'],
  'cancellation.effective': ['target', 'contractNumber', 'effectiveDate'],
  'outage.recorded': ['contractNumber', 'startedAt', 'detectedAt'],
  'outage.ended': ['contractNumber', 'startedAt', 'endedAt'],
  'outage.excluded': ['contractNumber', 'startedAt', 'reason'],
  'sla.credit_available': ['contractNumber', 'startedAt', 'amountYen', 'lastDayToClaim'],
  'sla.claim_deadline': ['contractNumber', 'startedAt', 'amountYen', 'lastDayToClaim'],
  'sla.claim_decided': ['contractNumber', 'decision', 'amountYen', 'billingMonth', 'reason'],
  'statement.ready': ['month', 'totalYen'],
  'support.access_started': ['staffName', 'startedAt', 'ticket', 'reason', 'expiresAt'],
  'support.access_ended': ['staffName', 'ticket', 'endedAt'],
  'user.invited': ['name', 'companyName', 'role', 'inviterName', 'expiresAt'],
  'user.role_changed': ['name', 'role', 'byName'],
  'user.password_changed': ['name', 'changedAt'],
  'user.password_reset_requested': ['name', 'expiresAt'],
  'user.deactivated': ['name', 'byName'],
};

const MESSAGES: Record<Locale, Record<string, unknown>> = { en, ja };

/** next-intl's translator outside a request, keys as plain strings. */
function translator(locale: Locale, namespace: string) {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace, timeZone: 'Asia/Tokyo' }) as unknown as {
    (key: string, values?: Record<string, string>): string;
    has(key: string): boolean;
  };
  return t;
}

export interface RenderInput {
  type: string;
  facts: Record<string, unknown>;
  link: string | null;
}

export interface RenderedMessage {
  subject: string;
  /** The message's sentence(s), without link or footer (the inbox shows this). */
  body: string;
  text: string;
  html: string;
  /** The absolute link, or null. */
  url: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** The facts as the reader reads them: dates, instants and months in their language, yen as yen. */
export function shownFacts(locale: Locale, type: string, facts: Record<string, unknown>): Record<string, string> {
  const t = translator(locale, 'mail');
  const shown: Record<string, string> = {};
  const names = new Set([...(MESSAGE_FACTS[type] ?? []), ...Object.keys(facts)]);
  for (const name of names) {
    const value = facts[name];
    if (value === null || value === undefined || value === '') shown[name] = '—';
    else if (typeof value === 'number') shown[name] = name.endsWith('Yen') ? formatYen(locale, value) : String(value);
    else if (typeof value !== 'string') shown[name] = String(value);
    else if (name === 'role' && t.has(`roles.${value}`)) shown[name] = t(`roles.${value}`);
    else if (name === 'applicationType' && t.has(`applicationTypes.${value}`)) shown[name] = t(`applicationTypes.${value}`);
    else if (type === 'outage.excluded' && name === 'reason' && t.has(`exclusions.${value}`)) shown[name] = t(`exclusions.${value}`);
    else if (DATE.test(value)) shown[name] = formatDate(locale, value);
    else if (INSTANT.test(value) && !Number.isNaN(Date.parse(value))) shown[name] = formatDateTime(locale, new Date(value));
    else if (MONTH.test(value)) shown[name] = formatMonth(locale, value);
    else shown[name] = value;
  }
  return shown;
}

/** A relative portal path made absolute (PORTAL_URL); an absolute link as it is. */
export function absoluteLink(link: string | null): string | null {
  if (!link) return null;
  return /^https?:\/\//.test(link) ? link : portalUrl(link);
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Subject and body of one event in one language (the inbox's title and text). */
export function renderTitle(input: RenderInput, locale: Locale): { subject: string; body: string } {
  const t = translator(locale, 'mail.types');
  const key = input.type.replaceAll('.', '_');
  const known = t.has(`${key}.subject`) ? key : 'other';
  const values = shownFacts(locale, input.type, input.facts);
  return { subject: t(`${known}.subject`, values), body: t(`${known}.body`, values) };
}

/**
 * The whole message. `audience` picks the footer: a portal user (who may change preferences), a
 * failure contact (named with the customer's company), or an address that is not a user yet.
 */
export function renderMessage(
  input: RenderInput,
  locale: Locale,
  audience: { kind: 'user' } | { kind: 'contact'; company: string } | { kind: 'address' } = { kind: 'user' },
): RenderedMessage {
  const t = translator(locale, 'mail');
  const { subject, body } = renderTitle(input, locale);
  const url = absoluteLink(input.link);
  const footer = [
    t('footer'),
    ...(audience.kind === 'user' ? [t('footerUser')] : audience.kind === 'contact' ? [t('footerContact', { company: audience.company })] : []),
  ];
  const text = [body, ...(url ? ['', t('linkLine', { url })] : []), '', '--', ...footer].join('\n') + '\n';
  const html = [
    '<!doctype html>',
    `<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.6; color: #0f172a">',
    `<p>${escapeHtml(body)}</p>`,
    ...(url ? [`<p><a href="${escapeHtml(url)}">${escapeHtml(t('openLink'))}</a></p>`] : []),
    '<hr>',
    ...footer.map((line) => `<p style="font-size: 12px; color: #475569">${escapeHtml(line)}</p>`),
    '</body></html>',
  ].join('\n');
  return { subject, body, text, html, url };
}
