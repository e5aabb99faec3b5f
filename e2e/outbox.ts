import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { simpleParser } from 'mailparser';

/** Where the e2e server files its e-mails (scripts/e2e-server.mjs: MAIL_DIR beside its database). */
const mailDir = path.join(process.cwd(), '.data', `e2e-${process.env.E2E_PORT ?? '3210'}-mail`);

/** The path each kind of one-time link opens. */
const LINK_PATHS: Record<string, string> = {
  'user.invited': '/invitation/',
  'user.password_reset_requested': '/reset-password/',
};

/** The newest e-mail to `email` whose text holds a link to `prefix`, or null. */
async function newestLink(email: string, prefix: string): Promise<string | null> {
  if (!fs.existsSync(mailDir)) return null;
  const files = fs
    .readdirSync(mailDir)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => path.join(mailDir, f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  for (const file of files) {
    const mail = await simpleParser(fs.readFileSync(file));
    const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) => a.value.map((v) => v.address?.toLowerCase()));
    if (!to.includes(email.toLowerCase())) continue;
    const link = (mail.text ?? '').match(/https?:\/\/\S+/g)?.find((l) => new URL(l).pathname.startsWith(prefix));
    if (link) return link;
  }
  return null;
}

/**
 * The one-time link of the latest e-mail of `type` (an invitation, a password reset) to `email`,
 * read from the e-mail itself as the recipient would: the e2e server's notification worker files
 * every mail as an .eml file. Returns the link's path.
 */
export async function mailedLink(type: keyof typeof LINK_PATHS, email: string): Promise<string> {
  const prefix = LINK_PATHS[type]!;
  let link: string | null = null;
  await expect
    .poll(async () => (link = await newestLink(email, prefix)), { timeout: 30_000 })
    .toBeTruthy();
  return new URL(link!).pathname;
}
