// The public API's tests run its real router outside Next: the database handle is the test's,
// and translations are next-intl's own over the message sources (so a problem's text can be
// checked in both languages). Import this first: vi.mock registers before the other imports load.
import { vi } from 'vitest';

vi.mock('@/db/client', async (importOriginal) => {
  const { apiHarness } = await import('./api-state');
  return { ...(await importOriginal<typeof import('@/db/client')>()), getDb: async () => apiHarness.db };
});
vi.mock('next-intl/server', async () => {
  const { createTranslator } = await import('next-intl');
  const { sourceMessages } = await import('./api-state');
  return {
    getTranslations: async ({ locale, namespace }: { locale: 'ja' | 'en'; namespace?: string }) =>
      createTranslator({ locale, messages: sourceMessages[locale], namespace: namespace as never }),
    getLocale: async () => 'en',
  };
});
