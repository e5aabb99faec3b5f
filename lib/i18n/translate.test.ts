import compile from 'icu-minify/compile';
import { createTranslator } from 'next-intl';
import { describe, expect, it, vi } from 'vitest';
import { FLOW_FORM_MESSAGES, STAFF_MESSAGES, CLOUD_INFO_MESSAGES, GRANT_MESSAGES } from '@/components/layout/client-messages';
import backofficeEn from './messages/backoffice.en.json';
import backofficeJa from './messages/backoffice.ja.json';
import en from './messages/en.json';
import ja from './messages/ja.json';
import { createTranslate, type Messages, type TranslationValues } from './translate';

// The browser's translator (icu-minify over the build's precompiled messages) says what the
// server's (next-intl over the ICU source) says, for every message a client component may use.

const source = { ja: { ...ja, ...backofficeJa }, en: { ...en, ...backofficeEn } } as Record<'ja' | 'en', Messages>;
const namespaces = [...new Set([...FLOW_FORM_MESSAGES, ...STAFF_MESSAGES, ...CLOUD_INFO_MESSAGES, ...GRANT_MESSAGES])];

/** The messages compiled as next.config.mjs's `precompile` does (icu-minify/compile). */
function precompiled(messages: Messages): Messages {
  return Object.fromEntries(
    Object.entries(messages).map(([key, value]) => [key, typeof value === 'string' ? compile(value) : precompiled(value as Messages)]),
  );
}

function keys(messages: unknown, prefix: string): string[] {
  if (typeof messages === 'string') return [prefix];
  return Object.entries(messages as Messages).flatMap(([key, value]) => keys(value, `${prefix}.${key}`));
}

/** Values for every argument a compiled message names: numbers, which every argument here accepts. */
function valuesFor(node: unknown, values: TranslationValues = {}): TranslationValues {
  if (Array.isArray(node)) {
    if (typeof node[0] === 'string' && (node.length === 1 || typeof node[1] === 'number')) values[node[0]] = 1234;
    for (const child of node) valuesFor(child, values);
  } else if (node && typeof node === 'object') {
    for (const child of Object.values(node)) valuesFor(child, values);
  }
  return values;
}

describe('the client translator', () => {
  for (const locale of ['ja', 'en'] as const) {
    it(`formats every client message as next-intl does (${locale})`, () => {
      const compiled = precompiled(source[locale]);
      const t = createTranslate(locale, compiled);
      const server = createTranslator({ locale, messages: source[locale], timeZone: 'Asia/Tokyo' });
      const all = namespaces.flatMap((namespace) => keys(namespace.split('.').reduce<unknown>((m, k) => (m as Messages)[k], source[locale]), namespace));
      expect(all.length).toBeGreaterThan(200);
      for (const key of all) {
        const values = valuesFor(key.split('.').reduce<unknown>((m, k) => (m as Messages)[k], compiled));
        expect(t(key, values), key).toBe(server(key as never, values as never));
        expect(t.has(key)).toBe(true);
      }
    });
  }

  it('keys are relative to the namespace, and a missing message shows its key', () => {
    const t = createTranslate('en', precompiled(source.en), 'form');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(t('naptTotal', { total: 480000 })).toBe('Total NAPT sessions of this port: 480,000');
    expect(t.has('nonexistent')).toBe(false);
    expect(t('nonexistent')).toBe('form.nonexistent');
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
    expect(createTranslate('ja', precompiled(source.ja), 'form')('naptTotal', { total: 480000 })).toBe('このポートのNAPTセッション合計：480,000 セッション');
  });
});
