import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatHours, formatNumber, formatPercent, formatRelative } from './format.js';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatting in the chosen language', () => {
  it('groups numbers the local way', () => {
    expect(formatNumber(1234567, 'en-GB')).toBe('1,234,567');
    expect(nbsp(formatNumber(1234567, 'ru-RU'))).toBe('1 234 567');
  });

  it('shows fractions as percentages and missing figures as a dash', () => {
    expect(formatPercent(0.8765, 'en-GB')).toBe('87.7%');
    expect(nbsp(formatPercent(0.8765, 'ru-RU'))).toBe('87,7 %');
    expect(formatPercent(null, 'en-GB')).toBe('—');
  });

  it('writes hours with the unit', () => {
    // CLDR versions differ on "hr" vs "hrs"; the number and the unit are what matter.
    expect(formatHours(12.25, 'en-GB')).toMatch(/^12\.3 hrs?$/);
    expect(nbsp(formatHours(12.25, 'ru-RU'))).toBe('12,3 ч');
    expect(formatHours(null, 'ru-RU')).toBe('—');
  });

  it('keeps the two largest units of a duration', () => {
    expect(formatDuration((3 * 86_400 + 4 * 3600 + 59) * 1000, 'en-GB')).toMatch(/^3 days 4 hrs?$/);
    expect(formatDuration((2 * 3600 + 5 * 60) * 1000, 'en-GB')).toMatch(/^2 hrs? 5 mins?$/);
    expect(formatDuration(45_000, 'en-GB')).toMatch(/^45 secs?$/);
    expect(formatDuration(3_600_000, 'en-GB')).toMatch(/^1 hr$/);
    expect(nbsp(formatDuration((2 * 3600 + 5 * 60) * 1000, 'ru-RU'))).toBe('2 ч 5 мин');
  });

  it('says how long ago, in words', () => {
    const now = Date.parse('2026-03-10T12:00:00Z');
    expect(formatRelative('2026-03-10T11:55:00Z', 'en-GB', now)).toBe('5 minutes ago');
    expect(formatRelative('2026-03-10T11:59:58Z', 'en-GB', now)).toBe('now');
    expect(formatRelative('2026-03-10T09:00:00Z', 'ru-RU', now)).toBe('3 часа назад');
  });

  it('scales byte counts', () => {
    expect(formatBytes(512, 'en-GB')).toBe('512 bytes');
    expect(formatBytes(31, 'ru')).toBe('31 байт');
    expect(formatBytes(1536, 'en-GB')).toBe('1.5 kB');
  });
});
