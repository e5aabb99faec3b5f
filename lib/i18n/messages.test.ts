import { describe, expect, it } from 'vitest';
import backofficeEn from './messages/backoffice.en.json';
import backofficeJa from './messages/backoffice.ja.json';
import en from './messages/en.json';
import ja from './messages/ja.json';

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('translations', () => {
  it('Japanese and English have the same messages', () => {
    expect(keys(ja).sort()).toEqual(keys(en).sort());
    expect(keys(backofficeJa).sort()).toEqual(keys(backofficeEn).sort());
  });

  it('no message is empty', () => {
    for (const messages of [ja, en, backofficeJa, backofficeEn]) {
      const empty = keys(messages).filter((k) => {
        const value = k.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
        return typeof value === 'string' && value.trim() === '';
      });
      expect(empty).toEqual([]);
    }
  });
});
