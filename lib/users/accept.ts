// Accepting an invitation (the link in its e-mail): the invited person sets their name, password
// and language, and becomes a user of the company with the role they were invited to. The
// invitation row is locked, so the same link cannot be accepted twice even at the same moment.
import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { customerInvitations, customers, customerUsers } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { CustomerRole } from '@/lib/auth/access';
import { hashPassword } from '@/lib/auth/password';
import { passwordProblem } from '@/lib/auth/password-strength';
import { refused, type Result } from '@/lib/result';
import { emailTaken } from './manage';
import { hashOneTimeToken } from './tokens';

/** What a link's page shows: the company and role of an open invitation, or why it cannot be used. */
export type InvitationView =
  | { status: 'open'; companyName: string; companyNameEn: string | null; role: CustomerRole; name: string; email: string; locale: 'ja' | 'en'; expiresAt: Date }
  | { status: 'expired' | 'used' | 'revoked' | 'invalid' };

type LinkStatus = 'expired' | 'used' | 'revoked' | 'invalid';

function statusOf(row: typeof customerInvitations.$inferSelect, customerDeactivated: boolean, now: Date): LinkStatus | 'open' {
  if (row.acceptedAt) return 'used';
  if (row.revokedAt || customerDeactivated) return 'revoked';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'open';
}

async function invitationOfToken(db: DbOrTx, token: string, lock: boolean) {
  // A token is 43 base64url characters; anything else is not a link we made.
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const query = db
    .select({ invitation: customerInvitations, customer: customers })
    .from(customerInvitations)
    .innerJoin(customers, eq(customers.id, customerInvitations.customerId))
    .where(eq(customerInvitations.tokenHash, hashOneTimeToken(token)));
  const [row] = lock ? await query.for('update', { of: customerInvitations }) : await query;
  return row ?? null;
}

export async function invitationByToken(db: DbOrTx, token: string, now: Date = new Date()): Promise<InvitationView> {
  const row = await invitationOfToken(db, token, false);
  if (!row) return { status: 'invalid' };
  const status = statusOf(row.invitation, Boolean(row.customer.deactivatedAt), now);
  if (status !== 'open') return { status };
  const { invitation, customer } = row;
  return {
    status,
    companyName: customer.name,
    companyNameEn: customer.nameEn,
    role: invitation.role,
    name: invitation.name,
    email: invitation.email,
    locale: invitation.locale === 'en' ? 'en' : 'ja',
    expiresAt: invitation.expiresAt,
  };
}

export interface AcceptInput {
  token: string;
  name: string;
  password: string;
  passwordConfirm: string;
  locale: 'ja' | 'en';
}

export type AcceptRefusal = `link_${LinkStatus}` | 'already_user' | 'passwordMismatch' | 'passwordTooShort' | 'passwordTooLong' | 'passwordTooWeak';

/** Creates the user the invitation names (its e-mail address and role), marks it accepted, audited. */
export async function acceptInvitation(db: Db, input: AcceptInput, now: Date = new Date()): Promise<Result<{ userId: string; email: string }>> {
  return db.transaction(async (tx) => {
    const row = await invitationOfToken(tx, input.token, true);
    if (!row) return refused('link_invalid');
    const status = statusOf(row.invitation, Boolean(row.customer.deactivatedAt), now);
    if (status !== 'open') return refused(`link_${status}`);
    const { invitation, customer } = row;
    if (input.password !== input.passwordConfirm) return refused('passwordMismatch');
    const problem = passwordProblem(input.password, [invitation.email, input.name, customer.name, customer.nameEn ?? '']);
    if (problem) return refused(problem);
    if (await emailTaken(tx, invitation.email)) return refused('already_user');
    const [user] = await tx
      .insert(customerUsers)
      .values({
        customerId: invitation.customerId,
        email: invitation.email,
        name: input.name.trim(),
        role: invitation.role,
        locale: input.locale,
        passwordHash: await hashPassword(input.password),
        passwordChangedAt: now,
        createdAt: now,
      })
      .returning();
    if (!user) throw new Error('user not inserted');
    await tx
      .update(customerInvitations)
      .set({ acceptedAt: now, acceptedUserId: user.id })
      .where(and(eq(customerInvitations.id, invitation.id)));
    await recordAudit(tx, {
      actor: { type: 'customer_user', id: user.id, customerId: user.customerId },
      action: 'users.invitation_accept',
      target: { type: 'invitation', id: invitation.id },
      detail: { email: user.email, role: user.role },
      at: now,
    });
    return { ok: true, userId: user.id, email: user.email };
  });
}
