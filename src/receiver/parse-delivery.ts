// Turns the raw bytes of a delivery into a SimplyPrint envelope, or says precisely why not.
// The bytes are parsed whatever the Content-Type says: SimplyPrint does not document one.
import type { RejectionReason } from '../shared/schemas.js';

export const MAX_NESTING = 100;

export type ParsedDelivery =
  | { ok: true; body: Record<string, unknown>; event: string }
  | { ok: false; reason: RejectionReason; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Deepest nesting of objects/arrays, from the bytes, outside strings. Scanned before JSON.parse so a
 * hostile body of a million `[` is refused in linear time, never handed to a recursive parser.
 */
export function nestingDepth(bytes: Uint8Array): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth--;
    }
  }
  return deepest;
}

export function parseDelivery(bytes: Uint8Array): ParsedDelivery {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'invalid_utf8', message: 'The body is not valid UTF-8.' };
  }
  if (nestingDepth(bytes) > MAX_NESTING) {
    return { ok: false, reason: 'too_deep', message: `The JSON nests deeper than ${MAX_NESTING} levels.` };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? `: ${error.message}` : '';
    return { ok: false, reason: 'malformed_json', message: `The body is not valid JSON${detail}.` };
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, reason: 'not_an_object', message: 'The body must be a JSON object like {"event": "...", "data": {...}}.' };
  }
  const event = (body as Record<string, unknown>).event;
  if (typeof event !== 'string' || event.trim().length === 0) {
    return { ok: false, reason: 'missing_event', message: 'The body has no "event" string.' };
  }
  return { ok: true, body: body as Record<string, unknown>, event };
}
