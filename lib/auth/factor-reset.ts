// An operator resets another staff member's second factor (a lost phone and no recovery code):
// the authenticator secret and the recovery codes are cleared, every session of the member ends,
// earlier unused enrolment links stop working, and a new one-time enrolment link is issued, shown
// to the operator once. One transaction, audited. Nobody resets their own this way (an operator
// could otherwise hand their account to whoever holds the new link without another person).
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { staffEnrolments, staffRecoveryCodes, staffUsers } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { notFound, refused, type Result } from '@/lib/result';
import { hashOneTimeToken, newOneTimeToken, portalUrl, STAFF_ENROLMENT_LIFETIME_MS } from '@/lib/users/tokens';
import { endAllSessions } from './sessions';

export interface StaffMemberRow {
  id: string;
  name: string;
  email: string;
  role: 'support' | 'operator';
  enrolled: boolean;
}

/** Every staff member, for the operators' staff page (staff data: no customer id applies). */
export async function listStaffMembersForStaff(db: DbOrTx): Promise<StaffMemberRow[]> {
  const rows = await db
    .select({ id: staffUsers.id, name: staffUsers.name, email: staffUsers.email, role: staffUsers.role, secret: staffUsers.totpSecret })
    .from(staffUsers)
    .orderBy(asc(staffUsers.name));
  return rows.map(({ secret, ...row }) => ({ ...row, enrolled: secret !== null }));
}

export async function resetStaffSecondFactor(
  db: Db,
  by: { staffUserId: string },
  staffUserId: string,
  now: Date,
): Promise<Result<{ staffUserId: string; name: string; link: string; expiresAt: Date }>> {
  if (staffUserId === by.staffUserId) return refused('own_factor');
  return db.transaction(async (tx) => {
    const [member] = await tx.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.id, staffUserId)).for('update');
    if (!member) return notFound;
    await tx.update(staffUsers).set({ totpSecret: null, totpPendingSecret: null, totpLastStep: null }).where(eq(staffUsers.id, member.id));
    await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffUserId, member.id));
    // Only the new link works from now on.
    await tx
      .update(staffEnrolments)
      .set({ usedAt: now })
      .where(and(eq(staffEnrolments.staffUserId, member.id), isNull(staffEnrolments.usedAt)));
    const token = newOneTimeToken();
    const expiresAt = new Date(now.getTime() + STAFF_ENROLMENT_LIFETIME_MS);
    const [enrolment] = await tx
      .insert(staffEnrolments)
      .values({ staffUserId: member.id, tokenHash: hashOneTimeToken(token), expiresAt, createdBy: by.staffUserId, createdAt: now })
      .returning({ id: staffEnrolments.id });
    const sessionsEnded = await endAllSessions(tx, { kind: 'staff', id: member.id }, 'ended_by_staff', now);
    await recordAudit(tx, {
      actor: { type: 'staff_user', id: by.staffUserId },
      action: 'staff.second_factor_reset',
      target: { type: 'staff_user', id: member.id },
      detail: { enrolmentId: enrolment?.id, expiresAt: expiresAt.toISOString(), sessionsEnded },
      at: now,
    });
    return { ok: true, staffUserId: member.id, name: member.name, link: portalUrl(`/staff/enrol/${token}`), expiresAt };
  });
}
