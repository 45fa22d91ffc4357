import { describe, expect, it } from 'vitest';
import { rangeToQuery, todayQuery } from './range.js';

const now = new Date('2026-03-10T12:34:56Z');

describe('statistics ranges', () => {
  it('ends presets at the next whole hour and picks the bucket', () => {
    const q = rangeToQuery({ preset: '24h', customFrom: '', customTo: '' }, now)!;
    expect(q.to).toBe('2026-03-10T13:00:00.000Z');
    expect(q.from).toBe('2026-03-09T13:00:00.000Z');
    expect(q.bucket).toBe('hour');
    expect(rangeToQuery({ preset: '30d', customFrom: '', customTo: '' }, now)!.bucket).toBe('day');
    expect(q.tzOffset).toBe(-now.getTimezoneOffset());
  });

  it('takes custom dates as whole local days and refuses a reversed range', () => {
    const q = rangeToQuery({ preset: 'custom', customFrom: '2026-03-01', customTo: '2026-03-07' }, now)!;
    expect(q.from).toBe(new Date(2026, 2, 1).toISOString());
    expect(q.to).toBe(new Date(2026, 2, 8).toISOString());
    expect(q.bucket).toBe('day');
    expect(rangeToQuery({ preset: 'custom', customFrom: '2026-03-07', customTo: '2026-03-01' }, now)).toBeNull();
    expect(rangeToQuery({ preset: 'custom', customFrom: '', customTo: '2026-03-01' }, now)).toBeNull();
  });

  it('starts "today" at local midnight', () => {
    expect(todayQuery(now).from).toBe(new Date(2026, 2, 10).toISOString());
  });
});
