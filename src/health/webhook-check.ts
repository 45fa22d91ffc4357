// Is SimplyPrint configured to deliver here? With an API key FarmHook can look: a webhook exists
// that points at the current public webhook URL, is enabled, carries the same secret, and subscribes
// to the events needed. The one-click fix creates or updates that webhook through the API.
import { SimplyPrintError, type SimplyPrintClient, type Webhook } from '../simplyprint/index.js';
import { WEBHOOK_PATH } from '../shared/webhook-url.js';
import type { SimplyPrintFailure, WebhookCheck } from '../shared/setup.js';

export const WEBHOOK_NAME = 'FarmHook';

export interface WebhookCheckInputs {
  client: SimplyPrintClient | null;
  /** The public webhook URL SimplyPrint must use now; null when there is none (LAN only, tunnel down). */
  expectedUrl: string | null;
  /** Why there is no expected URL, in plain words (shown when expectedUrl is null). */
  noUrlReason: string;
  secret: string | null;
  storedWebhookId: number | null;
  needed: readonly string[];
}

export function failureOf(error: unknown): SimplyPrintFailure {
  if (error instanceof SimplyPrintError) return { code: error.code, message: error.message, retryable: error.retryable };
  return { code: 'internal', message: 'The check failed unexpectedly; see the log.', retryable: true };
}

const sameUrl = (a: string, b: string) => a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();

/** FarmHook's webhook among the company's: the one it created, or one at its URL, or at its path. */
export function findOurWebhook(webhooks: readonly Webhook[], storedId: number | null, expectedUrl: string | null): Webhook | null {
  const byId = storedId === null ? undefined : webhooks.find((w) => w.id === storedId);
  if (byId) return byId;
  const byUrl = expectedUrl ? webhooks.find((w) => sameUrl(w.url, expectedUrl)) : undefined;
  if (byUrl) return byUrl;
  // An earlier tunnel URL still carries FarmHook's path: that webhook is FarmHook's, pointing at the past.
  const byPath = webhooks.filter((w) => {
    try {
      return new URL(w.url).pathname.replace(/\/+$/, '').endsWith(WEBHOOK_PATH) || w.name === WEBHOOK_NAME;
    } catch {
      return false;
    }
  });
  return byPath.sort((a, b) => String(b.updatedAt ?? '').localeCompare(String(a.updatedAt ?? '')))[0] ?? null;
}

function base(inputs: WebhookCheckInputs): WebhookCheck {
  return {
    status: 'unknown',
    apiConfigured: inputs.client !== null,
    expectedUrl: inputs.expectedUrl,
    webhookId: null,
    currentUrl: null,
    exists: false,
    urlMatches: false,
    enabled: false,
    secretMatches: false,
    eventsCovered: false,
    missingEvents: [],
    fixAvailable: false,
    problems: [],
    error: null,
    checkedAt: new Date().toISOString(),
  };
}

export async function checkWebhook(inputs: WebhookCheckInputs): Promise<{ check: WebhookCheck; webhook: Webhook | null }> {
  const check = base(inputs);
  if (!inputs.client) {
    check.problems.push('No SimplyPrint API key is set, so FarmHook cannot look at the webhook: check it in the SimplyPrint panel (Settings → Webhooks).');
    return { check, webhook: null };
  }
  let webhooks: Webhook[];
  try {
    webhooks = await inputs.client.listWebhooks();
  } catch (error) {
    check.error = failureOf(error);
    check.status = check.error.retryable ? 'unknown' : 'problem';
    check.problems.push(`SimplyPrint could not be asked: ${check.error.message}`);
    return { check, webhook: null };
  }
  const webhook = findOurWebhook(webhooks, inputs.storedWebhookId, inputs.expectedUrl);
  if (!inputs.expectedUrl) check.problems.push(inputs.noUrlReason);
  if (!webhook) {
    check.status = 'problem';
    check.problems.push('SimplyPrint has no webhook pointing at FarmHook, so nothing will be delivered.');
    check.fixAvailable = inputs.expectedUrl !== null;
    return { check, webhook: null };
  }
  check.exists = true;
  check.webhookId = webhook.id;
  check.currentUrl = webhook.url;
  check.urlMatches = inputs.expectedUrl !== null && sameUrl(webhook.url, inputs.expectedUrl);
  check.enabled = webhook.enabled;
  check.secretMatches = (webhook.secret ?? null) === (inputs.secret ?? null);
  check.missingEvents = inputs.needed.filter((event) => !webhook.events.includes(event));
  check.eventsCovered = check.missingEvents.length === 0;
  if (inputs.expectedUrl && !check.urlMatches) {
    check.problems.push(`SimplyPrint delivers to ${webhook.url}, but FarmHook is reachable at ${inputs.expectedUrl} now.`);
  }
  if (!check.enabled) check.problems.push('The webhook is switched off in SimplyPrint, so it sends nothing.');
  if (!check.secretMatches) {
    check.problems.push(
      inputs.secret === null
        ? 'The webhook sends a secret, but FarmHook has none set (deliveries are accepted without checking).'
        : webhook.secret === null
          ? 'The webhook sends no secret, so FarmHook refuses its deliveries.'
          : 'The webhook sends a different secret than FarmHook expects, so FarmHook refuses its deliveries.',
    );
  }
  if (!check.eventsCovered) check.problems.push(`The webhook does not subscribe to ${check.missingEvents.length} event(s) FarmHook needs: ${check.missingEvents.join(', ')}.`);
  const blocking = (inputs.expectedUrl !== null && !check.urlMatches) || !check.enabled || (!check.secretMatches && inputs.secret !== null);
  check.status = blocking ? 'problem' : check.problems.length > 0 ? 'warning' : 'ok';
  check.fixAvailable = inputs.expectedUrl !== null && check.problems.length > 0;
  return { check, webhook };
}

/** The one-click fix: create FarmHook's webhook, or update it to the current URL, secret and events, enabled. */
export async function saveWebhook(
  client: SimplyPrintClient,
  options: { existing: Webhook | null; url: string; secret: string | null; events: readonly string[]; name?: string },
): Promise<Webhook> {
  const events = [...new Set([...(options.existing?.events ?? []), ...options.events])].sort();
  return client.saveWebhook({
    ...(options.existing ? { id: options.existing.id } : {}),
    name: options.name ?? options.existing?.name ?? WEBHOOK_NAME,
    url: options.url,
    events,
    secret: options.secret,
    ...(options.existing?.description ? { description: options.existing.description } : { description: 'Deliveries to FarmHook on the farm PC' }),
  });
}
