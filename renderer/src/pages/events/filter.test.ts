import { describe, expect, it } from 'vitest';
import type { EventItem } from '../../../../src/shared/schemas.js';
import { EMPTY_FILTER, filterToQuery, isFilterActive, matchesFilter } from './filter.js';

const item = (over: Partial<EventItem> = {}): EventItem => ({
  id: '1',
  receivedAt: '2026-03-10T12:00:00.000Z',
  timestamp: 1,
  event: 'job.failed',
  category: 'job',
  label: 'Print failed',
  known: true,
  canonical: null,
  webhookId: '7',
  printerId: '101',
  printerName: 'Prusa MK4 #1',
  jobId: '5001',
  jobUid: 'abc-uid',
  jobFile: 'gear_housing.gcode',
  jobState: 'failed',
  userName: 'Alex Johnson',
  queueFile: null,
  duplicates: 0,
  ...over,
});

describe('filterToQuery', () => {
  it('sends only what is set, trimmed, with local times as UTC ISO', () => {
    const from = '2026-03-10T08:30';
    const query = filterToQuery({ ...EMPTY_FILTER, category: 'job', q: '  benchy  ', printer: '101', from, to: 'nonsense' }, 50);
    expect(query).toEqual({ limit: 50, category: 'job', q: 'benchy', printer: '101', from: new Date(from).toISOString() });
  });

  it('is just the page size for an empty filter', () => {
    expect(filterToQuery(EMPTY_FILTER)).toEqual({ limit: 200 });
    expect(isFilterActive(EMPTY_FILTER)).toBe(false);
    expect(isFilterActive({ ...EMPTY_FILTER, job: ' 5 ' })).toBe(true);
  });
});

describe('matchesFilter', () => {
  it('applies category, event, printer and job (id or uid)', () => {
    expect(matchesFilter(item(), { ...EMPTY_FILTER, category: 'printer,job' })).toBe(true);
    expect(matchesFilter(item(), { ...EMPTY_FILTER, category: 'queue' })).toBe(false);
    expect(matchesFilter(item(), { ...EMPTY_FILTER, event: 'job.done' })).toBe(false);
    expect(matchesFilter(item(), { ...EMPTY_FILTER, printer: '102' })).toBe(false);
    expect(matchesFilter(item(), { ...EMPTY_FILTER, job: 'abc-uid' })).toBe(true);
    expect(matchesFilter(item(), { ...EMPTY_FILTER, job: '5001' })).toBe(true);
    expect(matchesFilter(item(), { ...EMPTY_FILTER, job: '5002' })).toBe(false);
  });

  it('matches free text by word prefix over file, printer, user and labels in either language', () => {
    const labels = ['Print failed', 'Печать не удалась'];
    expect(matchesFilter(item(), { ...EMPTY_FILTER, q: 'gear' }, labels)).toBe(true);
    expect(matchesFilter(item(), { ...EMPTY_FILTER, q: 'prusa alex' }, labels)).toBe(true);
    expect(matchesFilter(item(), { ...EMPTY_FILTER, q: 'печать' }, labels)).toBe(true);
    expect(matchesFilter(item(), { ...EMPTY_FILTER, q: 'housing' }, labels)).toBe(true);
    expect(matchesFilter(item(), { ...EMPTY_FILTER, q: 'ousing' }, labels)).toBe(false);
    expect(matchesFilter(item(), { ...EMPTY_FILTER, q: 'benchy' }, labels)).toBe(false);
  });

  it('keeps the time range: an event after "to" does not join the list', () => {
    const before = new Date('2026-03-10T11:00:00Z');
    const pad = (n: number) => String(n).padStart(2, '0');
    const local = `${before.getFullYear()}-${pad(before.getMonth() + 1)}-${pad(before.getDate())}T${pad(before.getHours())}:${pad(before.getMinutes())}`;
    expect(matchesFilter(item(), { ...EMPTY_FILTER, to: local })).toBe(false);
    expect(matchesFilter(item(), { ...EMPTY_FILTER, from: local })).toBe(true);
  });
});
