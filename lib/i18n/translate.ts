import format, { type FormatOptions } from 'icu-minify/format';
import type { Locale } from './locale';

// The browser's translator. Messages are compiled at build time (next.config.mjs: next-intl's
// `precompile`), so formatting one is icu-minify's runtime (≈ 0.8 kB gzipped); next-intl's client
// runtime (its provider, the formatters of useFormatter, error handling) was ≈ 3.5 kB more on every
// form page. Server components keep next-intl (`getTranslations`), whose `t` has this same shape,
// so a component shared by both takes its translator as a prop.

export type TranslationValues = Record<string, string | number | Date>;

/** `t('key', values)` and `t.has('key')`: the subset of next-intl's translator this portal uses. */
export interface Translate {
  (key: string, values?: TranslationValues): string;
  has(key: string): boolean;
}

export type Messages = { [key: string]: unknown };

function memo<A extends unknown[], T>(build: (...args: A) => T): (...args: A) => T {
  const built = new Map<string, T>();
  return (...args) => {
    const key = JSON.stringify(args);
    let value = built.get(key);
    if (value === undefined) built.set(key, (value = build(...args)));
    return value;
  };
}

const options: FormatOptions = {
  formatters: {
    getNumberFormat: memo((...args: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...args)),
    getDateTimeFormat: memo((...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args)),
    getPluralRules: memo((...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args)),
  },
  timeZone: 'Asia/Tokyo',
};

function lookup(messages: Messages, path: string): unknown {
  let node: unknown = messages;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = (node as Messages)[key];
  }
  return node;
}

const isMessage = (node: unknown) => typeof node === 'string' || Array.isArray(node);

/**
 * A translator over precompiled `messages` (as the server's `getMessages()` returns them), keys
 * relative to `namespace`. A missing message shows its full key, as next-intl does.
 */
export function createTranslate(locale: Locale, messages: Messages, namespace?: string): Translate {
  const full = (key: string) => (namespace ? `${namespace}.${key}` : key);
  const t = (key: string, values?: TranslationValues) => {
    const message = lookup(messages, full(key));
    if (!isMessage(message)) {
      if (process.env.NODE_ENV !== 'production') console.error(`MISSING_MESSAGE: ${full(key)} (${locale})`);
      return full(key);
    }
    return String(format(message as Parameters<typeof format>[0], locale, values, options));
  };
  t.has = (key: string) => isMessage(lookup(messages, full(key)));
  return t;
}
