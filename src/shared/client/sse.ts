// A streaming parser for the Server-Sent Events wire format (WHATWG HTML §9.2.6). The dashboard
// reads the stream with `fetch` rather than `EventSource` because EventSource cannot send the
// `Authorization` header; this turns the body's text chunks back into messages. Isomorphic.

export interface SseMessage {
  /** The `event:` field, or "message" when the server sent none. */
  event: string;
  data: string;
  /** The last `id:` seen on the stream (it persists across messages), or null. */
  id: string | null;
  /** A `retry:` hint (ms) sent with this message, if any. */
  retry?: number;
}

export class SseParser {
  private pending = '';
  /** A chunk ended in CR: a LF at the start of the next chunk belongs to that line ending. */
  private skipLeadingLf = false;
  private dataLines: string[] = [];
  private hasData = false;
  private eventType = '';
  private lastId: string | null = null;
  private retry: number | undefined;

  /** Feeds decoded text; returns the messages completed by it, in order. */
  push(text: string): SseMessage[] {
    let input = text;
    if (this.skipLeadingLf && input.startsWith('\n')) input = input.slice(1);
    this.skipLeadingLf = false;
    const messages: SseMessage[] = [];
    let buffer = this.pending + input;
    let start = 0;
    for (let i = 0; i < buffer.length; i++) {
      const ch = buffer[i];
      if (ch !== '\n' && ch !== '\r') continue;
      const line = buffer.slice(start, i);
      if (ch === '\r') {
        if (i + 1 < buffer.length) {
          if (buffer[i + 1] === '\n') i++;
        } else {
          this.skipLeadingLf = true;
        }
      }
      start = i + 1;
      const message = this.line(line);
      if (message) messages.push(message);
    }
    buffer = buffer.slice(start);
    this.pending = buffer;
    return messages;
  }

  private line(line: string): SseMessage | null {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return null; // comment (keep-alive ping)
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        this.dataLines.push(value);
        this.hasData = true;
        break;
      case 'event':
        this.eventType = value;
        break;
      case 'id':
        if (!value.includes('\u0000')) this.lastId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
      default:
        break; // unknown fields are ignored, as the spec says
    }
    return null;
  }

  private dispatch(): SseMessage | null {
    const hasData = this.hasData;
    const message: SseMessage = {
      event: this.eventType === '' ? 'message' : this.eventType,
      data: this.dataLines.join('\n'),
      id: this.lastId,
    };
    if (this.retry !== undefined) message.retry = this.retry;
    this.dataLines = [];
    this.hasData = false;
    this.eventType = '';
    this.retry = undefined;
    return hasData ? message : null;
  }
}

/** Reads an SSE response body to its end, calling `onMessage` for each message. */
export async function readSseStream(
  body: ReadableStream<Uint8Array>,
  onMessage: (message: SseMessage) => void,
): Promise<void> {
  const parser = new SseParser();
  const decoder = new TextDecoder('utf-8');
  const reader = body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      for (const message of parser.push(decoder.decode(value, { stream: true }))) onMessage(message);
    }
    for (const message of parser.push(decoder.decode())) onMessage(message);
  } finally {
    reader.releaseLock();
  }
}
