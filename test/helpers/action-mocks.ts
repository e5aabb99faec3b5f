// Next's request context, the session cookie and the database handle, as the action harness
// (test/helpers/action-harness.ts) provides them. Import this first in a test file that runs
// real server actions: vi.mock registers here before the test file's other imports load.
import { vi } from 'vitest';

vi.mock('next/navigation', async () => (await import('./action-harness')).navigationMock());
vi.mock('next/headers', async () => (await import('./action-harness')).headersMock());
vi.mock('next/cache', async () => (await import('./action-harness')).cacheMock());
vi.mock('@/lib/auth/request-session', async () => {
  const { harness: h } = await import('./action-harness');
  return { requestSession: async () => h.session, sessionOfCookie: async () => null };
});
vi.mock('@/db/client', async (importOriginal) => {
  const { harness: h } = await import('./action-harness');
  return { ...(await importOriginal<typeof import('@/db/client')>()), getDb: async () => h.db };
});
// Auth.js's own sign-in and sign-out need Next's request; the credentials check behind them is the real one.
vi.mock('@/lib/auth/index', async () => {
  const { harness: h } = await import('./action-harness');
  const { verifyCredentials } = await import('@/lib/auth/sign-in');
  const { refused } = await import('@/lib/result');
  const { redirect } = await import('next/navigation');
  return {
    auth: async () => h.session,
    signOut: async () => {},
    clientIp: () => '192.0.2.10',
    signInWithPassword: async (input: { email: string; password: string; totp?: string; redirectTo: string }) => {
      const result = await verifyCredentials(h.db!, { ...input, ip: '192.0.2.10' });
      if (!result.ok) return refused(result.reason);
      redirect(input.redirectTo);
    },
  };
});

// Route handlers translate their downloads; the message key is as good as the text here.
vi.mock('next-intl/server', () => ({ getTranslations: async () => Object.assign((key: string) => key, { has: () => false }), getLocale: async () => 'en' }));

