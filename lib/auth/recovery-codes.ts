// Staff recovery codes: ten shown once at enrolment, each signs in once in place of an
// authenticator code. A code has 50 random bits (ten base32 characters), so a SHA-256 of it is
// enough to keep (no slow hash needed: it cannot be guessed offline from the hash in useful time,
// and online guesses are throttled like passwords).
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { staffRecoveryCodes } from '@/db/schema';

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567'; // 32 symbols: a byte modulo 32 picks one evenly

/** One code, shown as `xxxxx-xxxxx`. */
function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => ALPHABET[b % 32]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** What a typed code is compared as: lower case, no spaces or dashes. */
function normalise(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(`smarthub-recovery:${normalise(code)}`).digest('hex');
}

/** Whether typed text has the shape of a recovery code (and not of a 6-digit authenticator code). */
export function looksLikeRecoveryCode(code: string): boolean {
  return /^[a-z0-9]{10}$/.test(normalise(code)) && !/^\d+$/.test(normalise(code));
}

/** Replaces a member's codes with ten new ones; returns them (the only time they exist in clear). */
export async function replaceRecoveryCodes(tx: DbOrTx, staffUserId: string, now: Date): Promise<string[]> {
  await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffUserId, staffUserId));
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.insert(staffRecoveryCodes).values(codes.map((code) => ({ staffUserId, codeHash: hashRecoveryCode(code), createdAt: now })));
  return codes;
}

/** Uses a code once: true when it was the member's and unused (it is then spent). */
export async function spendRecoveryCode(tx: DbOrTx, staffUserId: string, code: string, now: Date): Promise<{ id: string; left: number } | null> {
  if (!looksLikeRecoveryCode(code)) return null;
  const [used] = await tx
    .update(staffRecoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(staffRecoveryCodes.staffUserId, staffUserId), eq(staffRecoveryCodes.codeHash, hashRecoveryCode(code)), isNull(staffRecoveryCodes.usedAt)))
    .returning({ id: staffRecoveryCodes.id });
  if (!used) return null;
  const unused = await tx
    .select({ id: staffRecoveryCodes.id })
    .from(staffRecoveryCodes)
    .where(and(eq(staffRecoveryCodes.staffUserId, staffUserId), isNull(staffRecoveryCodes.usedAt)));
  return { id: used.id, left: unused.length };
}
