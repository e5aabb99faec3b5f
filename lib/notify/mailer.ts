// Sending one e-mail: over SMTP (nodemailer) when SMTP_URL is set, otherwise into a folder
// (MAIL_DIR, default .data/mail/) as a complete .eml file a developer can open, so a message is
// never lost on a machine without a mail server. The file is named by the delivery's id and
// written whole (a temporary file renamed over it), so the same delivery written twice is one file.
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { logInfo } from '@/lib/log';

export interface OutgoingMail {
  /** The delivery's id: the file's name, and the Message-ID's left part. */
  deliveryId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  locale: string;
}

export const mailDir = () => process.env.MAIL_DIR ?? path.join(process.cwd(), '.data', 'mail');
const mailFrom = () => process.env.MAIL_FROM ?? 'Smart HUB Portal <no-reply@smarthub.example>';

/**
 * The Message-ID is derived from the delivery's id: if a worker dies after the server accepted a
 * message but before the delivery was marked sent, the retry sends a message with the same
 * Message-ID, which a receiving system (or a person) can recognise as the same message.
 */
export const messageIdOf = (deliveryId: string) => `<${deliveryId}@notify.smarthub.portal>`;

type Holder = { url?: string; transport?: Transporter; filingSaid?: boolean };
const holder = ((globalThis as { __smarthubMailer?: Holder }).__smarthubMailer ??= {});

function smtpTransport(url: string): Transporter {
  if (holder.url !== url || !holder.transport) {
    holder.transport?.close();
    holder.transport = nodemailer.createTransport(url);
    holder.url = url;
  }
  return holder.transport;
}

const fileComposer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

/** Sends (or files) one message. Throws on failure; the worker retries. */
export async function sendMail(mail: OutgoingMail): Promise<{ via: 'smtp' | 'file'; where?: string }> {
  const message = {
    from: mailFrom(),
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: messageIdOf(mail.deliveryId),
    headers: { 'Content-Language': mail.locale, 'X-SmartHub-Delivery': mail.deliveryId },
  };
  const url = process.env.SMTP_URL;
  if (url) {
    await smtpTransport(url).sendMail(message);
    return { via: 'smtp' };
  }
  const info = await fileComposer.sendMail(message);
  const dir = mailDir();
  await fs.mkdir(dir, { recursive: true });
  if (!holder.filingSaid) {
    holder.filingSaid = true;
    logInfo('notify', `SMTP_URL is not set: e-mails are kept as .eml files in ${dir}`);
  }
  const file = path.join(dir, `${mail.deliveryId}.eml`);
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, info.message as Buffer);
  await fs.rename(temporary, file);
  return { via: 'file', where: file };
}

/** A short, secret-free description of a sending error for the delivery row. */
export function describeError(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown; message?: unknown };
  const parts = [typeof e?.code === 'string' ? e.code : null, typeof e?.responseCode === 'number' ? String(e.responseCode) : null];
  const message = typeof e?.message === 'string' ? e.message : String(error);
  // No credentials from a URL, no addresses, and short.
  const clean = message.replace(/\/\/[^@\s/]*@/g, '//').replace(/[^\s<>@]+@[^\s<>@]+/g, '<address>');
  return [...parts.filter(Boolean), clean].join(' ').slice(0, 200);
}
