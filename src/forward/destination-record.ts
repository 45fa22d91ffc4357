// How a destination is kept: non-secret settings as JSON in SQLite, secrets as one JSON value in the
// secrets store (see src/secrets), under a name derived from the destination id.
import type { DestinationType, ForwardLanguage, SigningMode } from '../shared/forward.js';

export type StoredConfig =
  | { type: 'http'; url: string; signing: SigningMode }
  | { type: 'telegram'; chatId: string; apiBaseUrl: string | null }
  | { type: 'discord' | 'slack' | 'teams' }
  | {
      type: 'mqtt';
      url: string;
      username: string | null;
      topicPrefix: string;
      retainState: boolean;
      rejectUnauthorized: boolean;
      ca: string | null;
    };

export interface DestinationSettings {
  events: string[];
  printers: string[];
  timeoutMs: number;
  maxAttempts: number;
  ordered: boolean;
  pauseAfterFailures: number;
  language: ForwardLanguage;
  templates: Record<string, string>;
  config: StoredConfig;
}

export interface DestinationSecrets {
  /** HTTP signing secret. */
  secret?: string;
  /** HTTP custom headers (they often carry tokens). */
  headers?: Record<string, string>;
  botToken?: string;
  /** Discord / Slack / Teams incoming-webhook URL: the URL is the credential. */
  webhookUrl?: string;
  /** MQTT password. */
  password?: string;
}

export interface DestinationRecord {
  id: number;
  name: string;
  type: DestinationType;
  enabled: boolean;
  settings: DestinationSettings;
  pausedAt: number | null;
  stateReason: string | null;
  consecutiveFailures: number;
  lastSuccessAt: number | null;
  lastFailureAt: number | null;
  createdAt: number;
  updatedAt: number;
}

/** The part of the secrets store forwarding needs; `SecretStore` from src/secrets fits it. */
export interface SecretVault {
  get(name: string): string | null;
  set(name: string, value: string): void;
  delete(name: string): boolean;
}

export const secretNameFor = (destinationId: number) => `forward.destination-${destinationId}`;

export const DEFAULTS = {
  timeoutMs: 10_000,
  maxAttempts: 8,
  pauseAfterFailures: 20,
  topicPrefix: 'farmhook',
} as const;

/** Values of every secret, for scrubbing them out of error texts and answers before they are stored. */
export function secretValues(secrets: DestinationSecrets): string[] {
  const values = [secrets.secret, secrets.botToken, secrets.webhookUrl, secrets.password, ...Object.values(secrets.headers ?? {})];
  return values.filter((v): v is string => typeof v === 'string' && v.length >= 4);
}

export function scrub(text: string | null, secrets: readonly string[]): string | null {
  if (text === null) return null;
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('•••');
  return out;
}
