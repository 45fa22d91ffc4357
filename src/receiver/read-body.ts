// Reads a request body as raw bytes, whatever its Content-Type, with a size limit that still lets us
// tell the sender (and the rejected-deliveries log) what was refused.
import type { IncomingMessage } from 'node:http';
import { REJECTION_SAMPLE_BYTES } from '../store/rejection-writer.js';

export type RawBody =
  | { tooLarge: false; bytes: Buffer }
  | { tooLarge: true; size: number; sample: Buffer };

/**
 * A body over the limit is still read (and discarded) up to this many times the limit, so that the
 * sender receives our 413 instead of a reset connection mid-upload; beyond it we stop reading.
 */
const DRAIN_FACTOR = 8;

export function readBody(stream: IncomingMessage, limit: number): Promise<RawBody> {
  const declared = Number(stream.headers['content-length']);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let sample: Buffer | null = null;

    const finishTooLarge = () => {
      stream.removeAllListeners('data');
      stream.pause();
      resolve({ tooLarge: true, size: Math.max(size, declared || 0), sample: sample ?? Buffer.alloc(0) });
    };
    if (Number.isFinite(declared) && declared > limit * DRAIN_FACTOR) {
      finishTooLarge();
      return;
    }

    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (sample === null) {
        if (size <= limit) {
          chunks.push(chunk);
          return;
        }
        sample = Buffer.concat([...chunks, chunk]).subarray(0, REJECTION_SAMPLE_BYTES);
        chunks.length = 0;
      }
      if (size > limit * DRAIN_FACTOR) finishTooLarge();
    });
    stream.on('end', () => {
      if (sample !== null) resolve({ tooLarge: true, size, sample });
      else resolve({ tooLarge: false, bytes: Buffer.concat(chunks, size) });
    });
    stream.on('error', reject);
  });
}
