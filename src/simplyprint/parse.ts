// Reads SimplyPrint's answers into FarmHook's types. SimplyPrint adds fields and leaves others out,
// so nothing here insists on more than it needs: a webhook without a numeric id is the only thing
// rejected, because every later call addresses webhooks by id.
import type { SamplePayload, Webhook } from './types.js';

type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** Ids arrive as numbers; an old or third-party answer may carry "12". */
function id(v: unknown): number | null {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  return null;
}

function bool(v: unknown): boolean {
  // PHP backends sometimes answer 1/0 or "1"/"0" for booleans.
  return v === true || v === 1 || v === '1' || v === 'true';
}

export function parseWebhook(raw: unknown): Webhook | null {
  if (!isObject(raw)) return null;
  const webhookId = id(raw.id);
  if (webhookId === null) return null;
  return {
    id: webhookId,
    name: str(raw.name) ?? '',
    url: str(raw.url) ?? '',
    events: Array.isArray(raw.events) ? raw.events.filter((e): e is string => typeof e === 'string') : [],
    secret: str(raw.secret) || null,
    enabled: bool(raw.enabled),
    description: str(raw.description),
    createdAt: str(raw.created_at),
    updatedAt: str(raw.updated_at),
    raw,
  };
}

export function parseWebhookList(data: unknown): Webhook[] | null {
  if (!Array.isArray(data)) return null;
  return data.map(parseWebhook).filter((w): w is Webhook => w !== null);
}

export function parseSample(raw: unknown): SamplePayload | null {
  if (!isObject(raw) || typeof raw.event !== 'string') return null;
  const source = raw.source === 'real' || raw.source === 'synthetic' ? raw.source : null;
  return {
    webhookId: id(raw.webhook_id) ?? 0,
    event: raw.event,
    timestamp: typeof raw.timestamp === 'number' ? raw.timestamp : 0,
    data: raw.data ?? null,
    source,
  };
}
