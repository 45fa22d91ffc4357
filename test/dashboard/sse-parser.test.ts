import { describe, expect, it } from 'vitest';
import { readSseStream, SseParser, type SseMessage } from '../../src/shared/client/sse.js';
import { backoffDelay } from '../../src/shared/client/backoff.js';

const feedAll = (chunks: string[]) => {
  const parser = new SseParser();
  return chunks.flatMap((chunk) => parser.push(chunk));
};

describe('SseParser', () => {
  it('reads typed messages and skips comments (the keep-alive pings)', () => {
    const messages = feedAll([': connected\n\nevent: event.stored\ndata: {"a":1}\n\n: ping\n\n']);
    expect(messages).toEqual([{ event: 'event.stored', data: '{"a":1}', id: null }]);
  });

  it('joins multi-line data and defaults the type to "message"', () => {
    expect(feedAll(['data: one\ndata: two\n\n'])).toEqual([{ event: 'message', data: 'one\ntwo', id: null }]);
  });

  it('gives the same messages whatever the chunk boundaries, including a CRLF split in two', () => {
    const wire = 'event: a\r\ndata: x\r\n\r\nid: 7\r\nevent: b\r\ndata:y\r\nretry: 3000\r\n\r\n';
    const whole = feedAll([wire]);
    expect(whole).toEqual([
      { event: 'a', data: 'x', id: null },
      { event: 'b', data: 'y', id: '7', retry: 3000 },
    ]);
    for (let cut = 1; cut < wire.length; cut++) expect(feedAll([wire.slice(0, cut), wire.slice(cut)])).toEqual(whole);
    expect(feedAll(wire.split(''))).toEqual(whole);
  });

  it('treats a lone CR as a line end, ignores unknown fields and dispatches nothing without data', () => {
    expect(feedAll(['event: x\r\rfoo: bar\rdata: z\r\r'])).toEqual([{ event: 'message', data: 'z', id: null }]);
  });

  it('keeps only the first space after the colon', () => {
    expect(feedAll(['data:  two spaces\n\n'])[0]?.data).toBe(' two spaces');
  });

  it('decodes UTF-8 split across network chunks', async () => {
    const bytes = new TextEncoder().encode('data: {"name":"Принтер №1"}\n\n');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const byte of bytes) controller.enqueue(new Uint8Array([byte]));
        controller.close();
      },
    });
    const seen: SseMessage[] = [];
    await readSseStream(body, (m) => seen.push(m));
    expect(seen.map((m) => JSON.parse(m.data))).toEqual([{ name: 'Принтер №1' }]);
  });
});

describe('backoffDelay', () => {
  it('grows exponentially within [ceiling/2, ceiling] and stops at the cap', () => {
    const options = { initialMs: 500, maxMs: 15_000 };
    expect(backoffDelay(0, options, () => 0)).toBe(250);
    expect(backoffDelay(0, options, () => 1)).toBe(500);
    expect(backoffDelay(3, options, () => 1)).toBe(4000);
    expect(backoffDelay(50, options, () => 1)).toBe(15_000);
    expect(backoffDelay(50, options, () => 0)).toBe(7500);
  });
});
