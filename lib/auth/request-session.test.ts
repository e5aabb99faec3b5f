import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { sessionOfCookie } from './request-session';
import { SESSION_LIFETIME_MS, sessionIdOf } from './session-token';

const secret = 'test-secret-0123456789abcdef0123456789abcdef';
const name = 'authjs.session-token';
const claims = { uid: 'u-1', kind: 'customer' as const, role: 'admin' as const, customerId: 'c-1', sid: 'the-secret' };

async function cookie(signedInAt: number, maxAge = 60 * 60) {
  return encode({ token: { ...claims, signedInAt }, secret, salt: name, maxAge });
}

describe('the session of a request cookie', () => {
  it('gives the user and the session row of a valid cookie, the same on every read', async () => {
    const now = Date.now();
    const value = await cookie(now);
    const expected = { user: { id: 'u-1', kind: 'customer', role: 'admin', customerId: 'c-1' }, sessionId: sessionIdOf('the-secret') };
    expect(await sessionOfCookie(name, value, secret, now)).toEqual(expected);
    expect(await sessionOfCookie(name, value, secret, now + 1000)).toEqual(expected);
  });

  it('refuses a forged or altered cookie, one sealed with another secret, and one under another name', async () => {
    const value = await cookie(Date.now());
    expect(await sessionOfCookie(name, `${value.slice(0, -4)}AAAA`, secret)).toBeNull();
    expect(await sessionOfCookie(name, 'not-a-token', secret)).toBeNull();
    expect(await sessionOfCookie(name, value, 'another-secret-0123456789abcdef0123456789')).toBeNull();
    expect(await sessionOfCookie('__Secure-authjs.session-token', value, secret)).toBeNull();
  });

  it('refuses a kept cookie once its token expires or its sign-in is 8 hours old', async () => {
    const now = Date.now();
    const value = await cookie(now, 60);
    expect(await sessionOfCookie(name, value, secret, now)).not.toBeNull();
    expect(await sessionOfCookie(name, value, secret, now + 61_000)).toBeNull();
    const long = await cookie(now - SESSION_LIFETIME_MS + 5_000, 60 * 60);
    expect(await sessionOfCookie(name, long, secret, now)).not.toBeNull();
    expect(await sessionOfCookie(name, long, secret, now + 10_000)).toBeNull();
  });
});
