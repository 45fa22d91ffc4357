// Signatures a receiver can check. Two schemes, chosen per destination:
// - "hmac-sha256": X-Webhook-Signature: sha256=<hex HMAC-SHA256 of the raw body> (the GitHub style),
//   with X-Webhook-ID / -Event / -Timestamp / -Attempt beside it.
// - "standard-webhooks" (standardwebhooks.com): webhook-signature: v1,<base64 HMAC-SHA256 of
//   "<id>.<timestamp>.<body>">; a secret "whsec_<base64>" is used as the decoded key bytes, any
//   other secret as its UTF-8 bytes.
import { createHmac } from 'node:crypto';
import type { SigningMode } from '../shared/forward.js';

export interface SignInput {
  mode: SigningMode;
  secret: string | null;
  deliveryId: string;
  event: string;
  attempt: number;
  /** Unix seconds of this attempt. */
  timestamp: number;
  body: string;
}

export function standardWebhooksKey(secret: string): Buffer {
  return secret.startsWith('whsec_') ? Buffer.from(secret.slice('whsec_'.length), 'base64') : Buffer.from(secret, 'utf8');
}

export function signatureHeaders(input: SignInput): Record<string, string> {
  const common: Record<string, string> = {
    'x-webhook-id': input.deliveryId,
    'x-webhook-event': input.event,
    'x-webhook-timestamp': String(input.timestamp),
    'x-webhook-attempt': String(input.attempt),
  };
  if (input.mode === 'none' || !input.secret) return common;
  if (input.mode === 'hmac-sha256') {
    const hex = createHmac('sha256', input.secret).update(input.body, 'utf8').digest('hex');
    return { ...common, 'x-webhook-signature': `sha256=${hex}` };
  }
  const signed = `${input.deliveryId}.${input.timestamp}.${input.body}`;
  const b64 = createHmac('sha256', standardWebhooksKey(input.secret)).update(signed, 'utf8').digest('base64');
  return {
    ...common,
    'webhook-id': input.deliveryId,
    'webhook-timestamp': String(input.timestamp),
    'webhook-signature': `v1,${b64}`,
  };
}
