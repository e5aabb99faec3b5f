import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSealed, openSecret, sealSecret, totpEncryptionKey } from './secret-box';

const key = randomBytes(32);

describe('secret-box: authenticator secrets at rest', () => {
  it('seals to a value that does not contain the secret, and opens it again', () => {
    const sealed = sealSecret('JBSWY3DPEHPK3PXP', key);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openSecret(sealed, key)).toBe('JBSWY3DPEHPK3PXP');
    expect(sealSecret('JBSWY3DPEHPK3PXP', key)).not.toBe(sealed);
  });
  it('refuses another key, an altered value and a plain secret', () => {
    const sealed = sealSecret('JBSWY3DPEHPK3PXP', key);
    expect(() => openSecret(sealed, randomBytes(32))).toThrow();
    expect(() => openSecret(`${sealed.slice(0, -2)}AA`, key)).toThrow();
    expect(() => openSecret('JBSWY3DPEHPK3PXP', key)).toThrow(/not sealed/);
  });
  it('reads the key from TOTP_ENCRYPTION_KEY and says clearly what is wrong with it', () => {
    expect(totpEncryptionKey({ TOTP_ENCRYPTION_KEY: key.toString('base64') })).toEqual(key);
    expect(() => totpEncryptionKey({})).toThrow(/TOTP_ENCRYPTION_KEY is not set/);
    expect(() => totpEncryptionKey({ TOTP_ENCRYPTION_KEY: 'c2hvcnQ=' })).toThrow(/32 bytes/);
  });
});
