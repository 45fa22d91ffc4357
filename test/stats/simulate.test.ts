// The simulator: deterministic, SimplyPrint-shaped bytes, and sane farm behaviour.
import { describe, expect, it } from 'vitest';
import { parseSpeed } from '../../src/simulate/command.js';
import { simulateFarm } from '../../src/simulate/generate.js';
import { phpJsonEncode } from '../../src/simulate/php-json.js';
import { SIMPLYPRINT_EVENTS } from '../../src/shared/events.js';

const END = Date.UTC(2025, 0, 20, 10, 0, 0);

describe('simulateFarm', () => {
  it('is deterministic from the seed', () => {
    const a = simulateFarm({ printers: 4, days: 3, seed: 5, end: END });
    const b = simulateFarm({ printers: 4, days: 3, seed: 5, end: END });
    const c = simulateFarm({ printers: 4, days: 3, seed: 6, end: END });
    const bytes = (s: typeof a) => s.deliveries.map((d) => phpJsonEncode(d.body)).join('\n');
    expect(bytes(a)).toBe(bytes(b));
    expect(bytes(a)).not.toBe(bytes(c));
  });

  it('sends only SimplyPrint event names, in the envelope, inside the period, in time order', () => {
    const { deliveries, truth } = simulateFarm({ printers: 6, days: 7, seed: 2, end: END });
    let previous = 0;
    for (const { at, body } of deliveries) {
      expect(Object.keys(body)).toEqual(['webhook_id', 'event', 'timestamp', 'data']);
      expect(SIMPLYPRINT_EVENTS).toContain(body.event);
      expect(body.timestamp).toBe(at / 1000);
      expect(Number.isInteger(body.timestamp)).toBe(true);
      expect(at).toBeGreaterThanOrEqual(truth.start);
      expect(at).toBeLessThan(END);
      expect(at).toBeGreaterThanOrEqual(previous);
      previous = at;
    }
    const events = new Set(deliveries.map((d) => d.body.event));
    for (const e of ['job.started', 'job.paused', 'job.resumed', 'job.done', 'job.failed', 'job.cancelled', 'job.bed_cleared', 'queue.add_item', 'queue.item_approved', 'filament.assigned', 'maintenance.job_started']) {
      expect(events, e).toContain(e);
    }
    // Sessions never overlap on one printer.
    for (const printer of truth.printers) {
      const sessions = truth.sessions.filter((s) => s.printerId === printer.id);
      for (let i = 1; i < sessions.length; i++) expect(sessions[i]!.startedAt).toBeGreaterThanOrEqual(sessions[i - 1]!.endedAt!);
    }
  });

  it('encodes bodies as PHP does', () => {
    const body = { url: 'https://simplyprint.io/panel', name: 'Принтер №1' };
    expect(phpJsonEncode(body)).toBe('{"url":"https:\\/\\/simplyprint.io\\/panel","name":"\\u041f\\u0440\\u0438\\u043d\\u0442\\u0435\\u0440 \\u21161"}');
    expect(JSON.parse(phpJsonEncode(body))).toEqual(body);
  });

  it('drops the requested share of job endings and says which', () => {
    const { deliveries, truth } = simulateFarm({ printers: 10, days: 10, seed: 3, end: END, dropEndingRate: 0.1 });
    const dropped = truth.sessions.filter((s) => s.endingDropped);
    const ended = truth.sessions.filter((s) => s.outcome !== null);
    expect(dropped.length / ended.length).toBeGreaterThan(0.05);
    expect(dropped.length / ended.length).toBeLessThan(0.15);
    const endings = deliveries.filter((d) => ['job.done', 'job.failed', 'job.cancelled'].includes(d.body.event));
    expect(endings).toHaveLength(ended.length - dropped.length);
  });
});

describe('--speed', () => {
  it('reads max and 0 as unpaced and refuses nonsense', () => {
    expect(parseSpeed('max')).toBe(Infinity);
    expect(parseSpeed('0')).toBe(Infinity);
    expect(parseSpeed('3600')).toBe(3600);
    expect(() => parseSpeed('-2')).toThrow(/positive/);
    expect(() => parseSpeed('fast')).toThrow(/positive/);
  });
});
