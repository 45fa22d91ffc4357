// What every destination type implements: send one event once, and say how it went in terms the
// worker can act on (success, retry after, or "this destination is gone").
import type { StoredEvent } from '../../store/hooks.js';
import type { DestinationRecord, DestinationSecrets } from '../destination-record.js';

export interface SendRequest {
  deliveryId: string;
  /** 1-based, the same number the log shows. */
  attempt: number;
  event: StoredEvent;
  destination: DestinationRecord;
  secrets: DestinationSecrets;
}

export interface SendOutcome {
  ok: boolean;
  statusCode: number | null;
  responseBody: string | null;
  error: string | null;
  /** The destination asked us to wait this long before the next attempt. */
  retryAfterMs: number | null;
  /** 410 Gone: the destination no longer exists; the worker disables it. */
  gone: boolean;
}

export interface Transport {
  send(request: SendRequest): Promise<SendOutcome>;
  /** Drop any connection held for a destination (changed or deleted). */
  forget?(destinationId: number): Promise<void>;
  close?(): Promise<void>;
}

export const failure = (error: string, extra: Partial<SendOutcome> = {}): SendOutcome => ({
  ok: false,
  statusCode: null,
  responseBody: null,
  error,
  retryAfterMs: null,
  gone: false,
  ...extra,
});
