import { describe, expect, it } from 'vitest';
import { MAX_NESTING, nestingDepth, parseDelivery } from '../../src/receiver/parse-delivery.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('parseDelivery', () => {
  it('accepts an envelope and reads PHP escapes', () => {
    const result = parseDelivery(bytes('{"event":"job.done","data":{"url":"https:\\/\\/x","name":"\\u041c\\u041a4"}}'));
    expect(result).toMatchObject({ ok: true, event: 'job.done', body: { data: { url: 'https://x', name: 'МК4' } } });
  });

  it.each([
    ['malformed_json', '{"event":'],
    ['malformed_json', ''],
    ['not_an_object', '[{"event":"job.done"}]'],
    ['not_an_object', '"job.done"'],
    ['not_an_object', 'null'],
    ['missing_event', '{"data":{}}'],
    ['missing_event', '{"event":42}'],
    ['missing_event', '{"event":"  "}'],
  ])('refuses %s: %s', (reason, text) => {
    expect(parseDelivery(bytes(text))).toMatchObject({ ok: false, reason });
  });

  it('refuses invalid UTF-8', () => {
    expect(parseDelivery(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]))).toMatchObject({ ok: false, reason: 'invalid_utf8' });
  });

  it(`allows ${MAX_NESTING} levels and refuses one more, without recursing`, () => {
    const nested = (depth: number) => `{"event":"x","data":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
    expect(parseDelivery(bytes(nested(MAX_NESTING)))).toMatchObject({ ok: true });
    expect(parseDelivery(bytes(nested(MAX_NESTING + 1)))).toMatchObject({ ok: false, reason: 'too_deep' });
    expect(parseDelivery(bytes('['.repeat(1_000_000)))).toMatchObject({ ok: false, reason: 'too_deep' });
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(nestingDepth(bytes('{"a":"[[[[\\"{{{{"}'))).toBe(1);
  });
});
