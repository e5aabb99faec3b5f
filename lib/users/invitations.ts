// Creating an invitation: the one place a one-time invitation link is made, by a customer admin
// (users page) or an operator (a new customer's first administrator). Accepting it is
// lib/users' accept flow. Call inside the transaction of the write that invites (guard and audit
// are the caller's pipeline's).
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customerInvitations } from '@/db/schema';
import type { CustomerRole } from '@/lib/auth/access';
import { enqueueNotification } from '@/lib/notify/outbox';
import { INVITATION_LIFETIME_MS, hashOneTimeToken, newOneTimeToken, portalUrl } from './tokens';

export interface NewInvitation {
  customerId: string;
  email: string;
  name: string;
  role: CustomerRole;
  locale: 'ja' | 'en';
  /** The company's name, as the message names it. */
  companyName: string;
  /** Who invites: a customer admin, or an operator. */
  by: { customerUserId: string; name: string } | { staffUserId: string; name: string };
}

/** Writes the invitation (token hashed, 72 hours) and its e-mail into the outbox. Returns its id. */
export async function createInvitation(tx: DbOrTx, input: NewInvitation, now: Date): Promise<{ id: string; expiresAt: Date }> {
  const token = newOneTimeToken();
  const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
  const [row] = await tx
    .insert(customerInvitations)
    .values({
      customerId: input.customerId,
      email: input.email.trim().toLowerCase(),
      name: input.name.trim(),
      role: input.role,
      locale: input.locale,
      tokenHash: hashOneTimeToken(token),
      expiresAt,
      invitedBy: 'customerUserId' in input.by ? input.by.customerUserId : null,
      invitedByStaff: 'staffUserId' in input.by ? input.by.staffUserId : null,
      createdAt: now,
    })
    .returning({ id: customerInvitations.id });
  await enqueueInvitationMail(tx, { ...input, inviterName: input.by.name, token, expiresAt }, now);
  return { id: row!.id, expiresAt };
}

/** The invitation's e-mail, with its one-time link, into the outbox. */
async function enqueueInvitationMail(
  tx: DbOrTx,
  input: Pick<NewInvitation, 'customerId' | 'email' | 'name' | 'role' | 'locale' | 'companyName'> & { inviterName: string; token: string; expiresAt: Date },
  now: Date,
): Promise<void> {
  await enqueueNotification(
    tx,
    {
      customerId: input.customerId,
      category: 'security',
      type: 'user.invited',
      facts: { name: input.name.trim(), companyName: input.companyName, role: input.role, inviterName: input.inviterName, expiresAt: input.expiresAt.toISOString() },
      link: portalUrl(`/invitation/${input.token}`),
      to: [{ kind: 'email', email: input.email.trim().toLowerCase(), locale: input.locale }],
    },
    now,
  );
}

/**
 * Sends an open invitation again: a new token (the old link stops working at once), 72 hours from
 * now, sent once more. The caller has locked the row and checked it is still open.
 */
export async function renewInvitation(
  tx: DbOrTx,
  invitation: typeof customerInvitations.$inferSelect,
  by: { name: string; companyName: string },
  now: Date,
): Promise<{ expiresAt: Date; sentCount: number }> {
  const token = newOneTimeToken();
  const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
  const sentCount = invitation.sentCount + 1;
  await tx.update(customerInvitations).set({ tokenHash: hashOneTimeToken(token), expiresAt, sentCount }).where(eq(customerInvitations.id, invitation.id));
  await enqueueInvitationMail(
    tx,
    {
      customerId: invitation.customerId,
      email: invitation.email,
      name: invitation.name,
      role: invitation.role,
      locale: invitation.locale === 'en' ? 'en' : 'ja',
      companyName: by.companyName,
      inviterName: by.name,
      token,
      expiresAt,
    },
    now,
  );
  return { expiresAt, sentCount };
}
