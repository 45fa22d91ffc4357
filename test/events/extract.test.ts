import { describe, expect, it } from 'vitest';
import { extractFields } from '../../src/events/extract.js';
import { describeEvent, SIMPLYPRINT_EVENTS } from '../../src/shared/events.js';
import { phpJson, SHAPES } from '../helpers/simplyprint-bodies.js';

describe('extractFields', () => {
  for (const shape of SHAPES) {
    it(`reads ${shape.name}`, () => {
      // Through PHP-style JSON and back, as the receiver sees it.
      const fields = extractFields(JSON.parse(phpJson(shape.body)) as Record<string, unknown>);
      expect(fields).toMatchObject(shape.expect);
      expect(fields.webhookId).toBe('311');
      expect(fields.timestamp).toBe(1_764_000_000);
    });
  }

  it('treats every field as optional', () => {
    expect(extractFields({ event: 'job.done' })).toMatchObject({ printerId: null, jobId: null, timestamp: null, webhookId: null });
    expect(extractFields({ event: 'job.done', data: 'not an object', timestamp: 'soon' })).toMatchObject({ printerId: null, timestamp: null });
  });
});

describe('the event catalogue', () => {
  it('holds the 62 SimplyPrint events plus test', () => {
    expect(SIMPLYPRINT_EVENTS).toHaveLength(63);
    expect(new Set(SIMPLYPRINT_EVENTS).size).toBe(63);
  });

  it('labels events in English and Russian', () => {
    expect(describeEvent('job.failed')).toMatchObject({ category: 'job', known: true, label: { en: 'Print failed', ru: 'Печать не удалась' } });
  });

  it('links legacy names to the SimplyPrint event they stand for', () => {
    expect(describeEvent('job.finished')).toMatchObject({ known: false, canonical: 'job.done', category: 'job', label: { en: 'Print finished' } });
    expect(describeEvent('queue.item_added')).toMatchObject({ canonical: 'queue.add_item', category: 'queue' });
    expect(describeEvent('printer.online')).toMatchObject({ canonical: null, category: 'printer', known: false });
  });

  it('files unknown events under other', () => {
    expect(describeEvent('spaceship.launched')).toMatchObject({ category: 'other', known: false, canonical: null });
  });
});
