// Is SimplyPrint configured to deliver here? With an API key FarmHook can look: a webhook exists
// that points at the current public webhook URL, is enabled, carries the same secret, and subscribes
// to the events needed. The one-click fix creates or updates that webhook through the API.
import { SimplyPrintError, type SimplyPrintClient, type Webhook } from '../simplyprint/index.js';
import { englishOf, healthMessage, type HealthMessage } from '../shared/health-messages.js';
import { WEBHOOK_PATH } from '../shared/webhook-url.js';
import type { SimplyPrintFailure, WebhookCheck } from '../shared/setup.js';
import { nested } from './check.js';

export const WEBHOOK_NAME = 'FarmHook';

export interface WebhookCheckInputs {
  client: SimplyPrintClient | null;
  /** The public webhook URL SimplyPrint must use now; null when there is none (LAN only, tunnel down). */
  expectedUrl: string | null;
  /** Why there is no expected URL, as a health message (shown when expectedUrl is null). */
  noUrlReason: HealthMessage;
  secret: string | null;
  storedWebhookId: number | null;
  needed: readonly string[];
}

const UNEXPECTED = healthMessage('simplyprint.webhook.problem.unexpected');

export function failureOf(error: unknown): SimplyPrintFailure {
  if (error instanceof SimplyPrintError) return { code: error.code, message: error.message, retryable: error.retryable };
  return { code: 'internal', message: englishOf(UNEXPECTED), retryable: true };
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
    problemRefs: [],
    error: null,
    checkedAt: new Date().toISOString(),
  };
}

export async function checkWebhook(inputs: WebhookCheckInputs): Promise<{ check: WebhookCheck; webhook: Webhook | null }> {
  const check = base(inputs);
  /** Each problem in English and as its catalogue message. */
  const problem = (message: HealthMessage) => {
    check.problems.push(englishOf(message));
    check.problemRefs?.push(message);
  };
  if (!inputs.client) {
    problem(healthMessage('simplyprint.webhook.problem.no_api_key'));
    return { check, webhook: null };
  }
  let webhooks: Webhook[];
  try {
    webhooks = await inputs.client.listWebhooks();
  } catch (error) {
    check.error = failureOf(error);
    check.status = check.error.retryable ? 'unknown' : 'problem';
    // SimplyPrint's (or the client's) words as they are; FarmHook's own when the failure was unexpected.
    problem(healthMessage('simplyprint.webhook.problem.api_failed', { error: error instanceof SimplyPrintError ? check.error.message : nested(UNEXPECTED) }));
    return { check, webhook: null };
  }
  const webhook = findOurWebhook(webhooks, inputs.storedWebhookId, inputs.expectedUrl);
  if (!inputs.expectedUrl) problem(inputs.noUrlReason);
  if (!webhook) {
    check.status = 'problem';
    problem(healthMessage('simplyprint.webhook.problem.missing'));
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
    problem(healthMessage('simplyprint.webhook.problem.wrong_url', { current: webhook.url, expected: inputs.expectedUrl }));
  }
  if (!check.enabled) problem(healthMessage('simplyprint.webhook.problem.disabled'));
  if (!check.secretMatches) {
    // Which side has a secret, never the secret itself.
    problem(
      inputs.secret === null
        ? healthMessage('simplyprint.webhook.problem.secret_unexpected')
        : webhook.secret === null
          ? healthMessage('simplyprint.webhook.problem.secret_missing')
          : healthMessage('simplyprint.webhook.problem.secret_differs'),
    );
  }
  if (!check.eventsCovered) {
    problem(healthMessage('simplyprint.webhook.problem.events_missing', { count: check.missingEvents.length, events: check.missingEvents.join(', ') }));
  }
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
