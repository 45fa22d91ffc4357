// The webhook secret: compared in constant time, and masked wherever headers are kept or shown.
import { createHash, timingSafeEqual } from 'node:crypto';
import { SECRET_HEADERS } from '../shared/catalogue.js';

/** Headers whose values are never stored or shown as received. */
const SENSITIVE = new Set<string>([...SECRET_HEADERS, 'authorization', 'cookie', 'proxy-authorization', 'x-api-key']);

export const MASK = '***';

/**
 * Hashing both sides first gives equal-length inputs, so timingSafeEqual never throws and the time
 * taken does not depend on where (or whether) the strings differ, nor on the secret's length.
 */
function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

export type SecretCheck = 'ok' | 'missing_secret' | 'wrong_secret';

export function checkSecret(expected: string, headers: Record<string, string | string[] | undefined>): SecretCheck {
  const expectedDigest = digest(expected);
  let presented = false;
  for (const name of SECRET_HEADERS) {
    const value = headers[name];
    if (typeof value !== 'string') continue;
    presented = true;
    if (timingSafeEqual(digest(value), expectedDigest)) return 'ok';
  }
  return presented ? 'wrong_secret' : 'missing_secret';
}

/** Headers as a flat object safe to store and display: secrets and credentials replaced by a mask. */
export function maskHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const masked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    masked[name] = SENSITIVE.has(name.toLowerCase()) ? MASK : Array.isArray(value) ? value.join(', ') : value;
  }
  return masked;
}
