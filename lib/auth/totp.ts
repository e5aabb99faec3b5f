import { generateSecret, generateURI, verifySync } from 'otplib';

/** Codes are 30-second steps; one step either side is accepted for clock drift. */
const PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// address an authenticator app reads (as a QR code or typed in). */
export function totpUri(email: string, secret: string): string {
  return generateURI({ issuer: 'Smart HUB Portal', label: email, secret });
}

/**
 * Checks a 6-digit code. Returns the time step it belongs to, or null. A code of a step at or
 * before `lastStep` (already used) is refused, so a code seen over a shoulder cannot be replayed.
 */
export function verifyTotp(secret: string, code: string, now: Date, lastStep: number | null): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const result = verifySync({ secret, token, epoch: Math.floor(now.getTime() / 1000), epochTolerance: PERIOD_SECONDS });
    if (!result.valid || !('timeStep' in result)) return null;
    const step = Number(result.timeStep);
    return lastStep !== null && step <= lastStep ? null : step;
  } catch {
    return null;
  }
}
