import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    // Generous: integration tests open databases and hash passwords; on a busy 2-core machine they run
    // several times slower than alone, and a timeout is there to catch a hang, not to time them.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Authenticator secrets are sealed with it (lib/auth/secret-box.ts); a fixed key for tests only.
    env: { TOTP_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') },
  },
});
