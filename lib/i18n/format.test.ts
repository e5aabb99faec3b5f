import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMonth, formatYen } from './format';

describe('formatters (built once per locale)', () => {
  it('formats dates, instants, months and yen in each language, the same on every call', () => {
    for (let i = 0; i < 3; i++) {
      expect(formatDate('ja', '2026-03-20')).toBe('2026年3月20日');
      expect(formatDate('en', '2026-03-20')).toBe('March 20, 2026');
      expect(formatDate('en', null)).toBe('—');
      expect(formatMonth('ja', '2026-03')).toBe('2026年3月');
      expect(formatMonth('en', '2026-03')).toBe('March 2026');
      expect(formatYen('ja', 1234567)).toBe('¥1,234,567');
      expect(formatYen('en', 40000)).toBe('¥40,000');
    }
  });

  it('shows an instant in Japan time whatever the server clock zone', () => {
    // 15:30 UTC is 00:30 the next day in Tokyo.
    expect(formatDateTime('en', new Date('2026-03-20T15:30:00Z'))).toMatch(/Mar 21, 2026.*12:30\sAM/);
    expect(formatDateTime('ja', new Date('2026-03-20T15:30:00Z'))).toMatch(/2026\/03\/21 0:30/);
  });
});
