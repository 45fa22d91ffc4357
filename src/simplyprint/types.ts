// The shapes FarmHook uses for SimplyPrint's management API. SimplyPrint's answers are read
// defensively (see parse.ts): every field may be missing and new ones appear, so these are the
// fields FarmHook relies on, with the whole object kept in `raw` for anything else.

export const DEFAULT_BASE_URL = 'https://api.simplyprint.io';
export const DEFAULT_TIMEOUT_MS = 15_000;

export interface SimplyPrintClientOptions {
  /** The user's API key (SimplyPrint panel → account settings → API). Sent only in `X-API-KEY`. */
  apiKey: string;
  /** The number in panel URLs `simplyprint.io/panel/<id>/...`. */
  companyId: number;
  /** Defaults to https://api.simplyprint.io (https://simplyprint.io/api is equivalent). */
  baseUrl?: string;
  /** Per request, in milliseconds. */
  timeoutMs?: number;
}

/** A webhook configuration as SimplyPrint stores it. */
export interface Webhook {
  id: number;
  name: string;
  url: string;
  events: string[];
  /** Sent verbatim in a header on every delivery; null when none is set. */
  secret: string | null;
  enabled: boolean;
  description: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  /** The object exactly as SimplyPrint sent it (it contains the secret: never log it). */
  raw: Record<string, unknown>;
}

/** What FarmHook sends to create a webhook, or to update one when `id` is given. */
export interface WebhookInput {
  /** Present: update this webhook. Absent: create a new one. */
  id?: number;
  name: string;
  url: string;
  /** At least one SimplyPrint event name; SimplyPrint rejects unknown names. */
  events: readonly string[];
  /** Up to 128 characters; null or absent for none. */
  secret?: string | null;
  description?: string;
}

/** One envelope from `webhooks/GetSamplePayload` (undocumented; used by SimplyPrint's integrations). */
export interface SamplePayload {
  webhookId: number;
  event: string;
  timestamp: number;
  data: unknown;
  /** Whether SimplyPrint took it from a real past event or made it up. */
  source: 'real' | 'synthetic' | null;
}

/**
 * When SimplyPrint answered, by its own clock. The HTTP `Date` header has one-second resolution;
 * `sentAt` and `receivedAt` bracket it so a clock-skew check can allow for the round trip.
 */
export interface ServerTime {
  /** Parsed `Date` header of the answer. */
  date: Date;
  sentAt: Date;
  receivedAt: Date;
}

export interface AccountTestResult {
  /** SimplyPrint's own words, e.g. "Your API key is valid!". */
  message: string | null;
  serverTime: ServerTime | null;
}

/** The names of the calls this client makes (used in errors and logs; never contains the key). */
export type SimplyPrintCall =
  | 'account/Test'
  | 'webhooks/Get'
  | 'webhooks/Create'
  | 'webhooks/Delete'
  | 'webhooks/SetEnabled'
  | 'webhooks/TriggerTestWebhook'
  | 'webhooks/GetSamplePayload';
