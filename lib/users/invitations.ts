// Creating an invitation: the one place a one-time invitation link is made, by a customer admin
// (users page) or an operator (a new customer's first administrator). Accepting it is
// lib/users' accept flow. Call inside the transaction of the write that invites (guard and audit
// are the caller's pipeline's).
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
  await enqueueNotification(
    tx,
    {
      customerId: input.customerId,
      category: 'security',
      type: 'user.invited',
      facts: { name: input.name.trim(), companyName: input.companyName, role: input.role, inviterName: input.by.name, expiresAt: expiresAt.toISOString() },
      link: portalUrl(`/invitation/${token}`),
      to: [{ kind: 'email', email: input.email.trim().toLowerCase(), locale: input.locale }],
    },
    now,
  );
  return { id: row!.id, expiresAt };
}
