import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage } from './locale';

describe('language choice', () => {
  it.each([
    [undefined, 'ja'],
    ['', 'ja'],
    ['en-US,en;q=0.9', 'en'],
    ['ja,en-US;q=0.8', 'ja'],
    ['en;q=0.5,ja;q=0.9', 'ja'],
    ['fr-FR,en;q=0.8,ja;q=0.5', 'en'],
    ['fr-FR,de;q=0.8', 'ja'],
    ['en;q=0,ja;q=0.1', 'ja'],
  ])('Accept-Language %j shows %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});
