// A destination as the editor holds it (strings, as the inputs give them) and the two conversions:
// from a stored destination (secrets are never sent back, so their fields start empty and "empty"
// means "keep what is stored") and to the API's input, with every problem found on the way.
import type { Destination, DestinationInput, DestinationType, ForwardLanguage, SigningMode } from '../../../../src/shared/forward.js';
import { checkEventPatterns, checkPrinterPatterns, formatPatterns, parsePatterns } from './eventPatterns.js';
import { checkTemplate, isBlocking } from './templateCheck.js';

export interface HeaderRow {
  name: string;
  value: string;
}

export interface DestinationForm {
  type: DestinationType;
  name: string;
  enabled: boolean;
  events: string;
  printers: string;
  timeoutSeconds: string;
  maxAttempts: string;
  ordered: boolean;
  pauseAfterFailures: string;
  language: ForwardLanguage;
  /** Overrides by category or event name; a missing key uses the default. */
  templates: Record<string, string>;
  url: string;
  signing: SigningMode;
  secret: string;
  /** Headers are stored encrypted as one set: editing them replaces the whole set. */
  replaceHeaders: boolean;
  headers: HeaderRow[];
  chatId: string;
  botToken: string;
  apiBaseUrl: string;
  webhookUrl: string;
  mqttUrl: string;
  username: string;
  password: string;
  topicPrefix: string;
  retainState: boolean;
  rejectUnauthorized: boolean;
  ca: string;
}

/** What is already stored for the destination being edited (null for a new one). */
export interface StoredSecrets {
  secret: boolean;
  headerNames: string[];
  botToken: boolean;
  webhookUrl: boolean;
  password: boolean;
  ca: boolean;
}

export const CHAT_TYPES: readonly DestinationType[] = ['telegram', 'discord', 'slack', 'teams'];
export const usesTemplates = (type: DestinationType) => CHAT_TYPES.includes(type);

export function emptyForm(type: DestinationType = 'http', language: ForwardLanguage = 'en'): DestinationForm {
  return {
    type,
    name: '',
    enabled: true,
    events: '*',
    printers: '',
    timeoutSeconds: '10',
    maxAttempts: '8',
    ordered: false,
    pauseAfterFailures: '20',
    language,
    templates: {},
    url: '',
    signing: 'hmac-sha256',
    secret: '',
    replaceHeaders: true,
    headers: [],
    chatId: '',
    botToken: '',
    apiBaseUrl: '',
    webhookUrl: '',
    mqttUrl: '',
    username: '',
    password: '',
    topicPrefix: 'farmhook',
    retainState: true,
    rejectUnauthorized: true,
    ca: '',
  };
}

export function formFromDestination(d: Destination): { form: DestinationForm; stored: StoredSecrets } {
  const form: DestinationForm = {
    ...emptyForm(d.type, d.language),
    name: d.name,
    enabled: d.enabled,
    events: formatPatterns(d.events),
    printers: formatPatterns(d.printers),
    timeoutSeconds: String(d.timeoutMs / 1000),
    maxAttempts: String(d.maxAttempts),
    ordered: d.ordered,
    pauseAfterFailures: String(d.pauseAfterFailures),
    templates: { ...d.templates },
  };
  const stored: StoredSecrets = { secret: false, headerNames: [], botToken: false, webhookUrl: false, password: false, ca: false };
  const c = d.config;
  switch (c.type) {
    case 'http':
      Object.assign(form, { url: c.url, signing: c.signing, replaceHeaders: false });
      Object.assign(stored, { secret: c.secretSet, headerNames: c.headerNames });
      break;
    case 'telegram':
      Object.assign(form, { chatId: c.chatId, apiBaseUrl: c.apiBaseUrl ?? '' });
      stored.botToken = c.botTokenSet;
      break;
    case 'mqtt':
      Object.assign(form, { mqttUrl: c.url, username: c.username ?? '', topicPrefix: c.topicPrefix, retainState: c.retainState, rejectUnauthorized: c.rejectUnauthorized });
      Object.assign(stored, { password: c.passwordSet, ca: c.caSet });
      break;
    default:
      stored.webhookUrl = c.webhookUrlSet;
  }
  return { form, stored };
}

/** Problems by field; `message` is an i18n key under `forwarding.error`, `values` its interpolation. */
export type FormErrors = Partial<Record<string, { key: string; values?: Record<string, string | number> }>>;

function numberIn(text: string, min: number, max: number, integer: boolean): number | null {
  const value = Number(text.trim().replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) return null;
  if (integer && !Number.isInteger(value)) return null;
  return value;
}

const looksLikeUrl = (text: string, protocols: readonly string[]) => {
  try {
    return protocols.includes(new URL(text.trim()).protocol);
  } catch {
    return false;
  }
};

/**
 * The API input for the form, or the problems that stop it. Secret fields left empty are omitted,
 * which the API reads as "keep the stored value" (`stored` says whether there is one).
 */
export function formToInput(form: DestinationForm, stored: StoredSecrets | null): { input: DestinationInput | null; errors: FormErrors } {
  const errors: FormErrors = {};
  const name = form.name.trim();
  if (!name) errors.name = { key: 'required' };
  const events = checkEventPatterns(parsePatterns(form.events));
  if (!events.valid) errors.events = { key: 'patterns' };
  const printers = checkPrinterPatterns(parsePatterns(form.printers));
  if (!printers.valid) errors.printers = { key: 'patterns' };
  const timeout = numberIn(form.timeoutSeconds, 0.1, 120, false);
  if (timeout === null) errors.timeoutSeconds = { key: 'range', values: { min: 0.1, max: 120 } };
  const maxAttempts = numberIn(form.maxAttempts, 1, 50, true);
  if (maxAttempts === null) errors.maxAttempts = { key: 'range', values: { min: 1, max: 50 } };
  const pauseAfter = numberIn(form.pauseAfterFailures, 0, 10_000, true);
  if (pauseAfter === null) errors.pauseAfterFailures = { key: 'range', values: { min: 0, max: 10000 } };

  const secret = (value: string) => (value.trim() === '' ? undefined : value.trim());
  let config: DestinationInput['config'] | null = null;
  switch (form.type) {
    case 'http': {
      if (!looksLikeUrl(form.url, ['http:', 'https:'])) errors.url = { key: 'httpUrl' };
      if (form.signing !== 'none' && !secret(form.secret) && !stored?.secret) errors.secret = { key: 'secretNeeded' };
      if (secret(form.secret) && form.secret.trim().length < 8) errors.secret = { key: 'secretShort' };
      const rows = form.headers.filter((h) => h.name.trim() !== '' || h.value !== '');
      if (form.replaceHeaders && rows.some((h) => !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(h.name.trim()))) errors.headers = { key: 'headerName' };
      config = {
        type: 'http',
        url: form.url.trim(),
        signing: form.signing,
        ...(secret(form.secret) ? { secret: form.secret.trim() } : {}),
        ...(form.replaceHeaders ? { headers: Object.fromEntries(rows.map((h) => [h.name.trim(), h.value])) } : {}),
      };
      break;
    }
    case 'telegram':
      if (!form.chatId.trim()) errors.chatId = { key: 'required' };
      if (!secret(form.botToken) && !stored?.botToken) errors.botToken = { key: 'required' };
      if (form.apiBaseUrl.trim() && !looksLikeUrl(form.apiBaseUrl, ['http:', 'https:'])) errors.apiBaseUrl = { key: 'httpUrl' };
      config = {
        type: 'telegram',
        chatId: form.chatId.trim(),
        apiBaseUrl: form.apiBaseUrl.trim() || null,
        ...(secret(form.botToken) ? { botToken: form.botToken.trim() } : {}),
      };
      break;
    case 'discord':
    case 'slack':
    case 'teams':
      if (secret(form.webhookUrl) && !looksLikeUrl(form.webhookUrl, ['http:', 'https:'])) errors.webhookUrl = { key: 'httpUrl' };
      else if (!secret(form.webhookUrl) && !stored?.webhookUrl) errors.webhookUrl = { key: 'required' };
      config = { type: form.type, ...(secret(form.webhookUrl) ? { webhookUrl: form.webhookUrl.trim() } : {}) };
      break;
    case 'mqtt':
      if (!looksLikeUrl(form.mqttUrl, ['mqtt:', 'mqtts:', 'tcp:', 'ssl:', 'ws:', 'wss:'])) errors.mqttUrl = { key: 'mqttUrl' };
      if (!form.topicPrefix.trim() || /[+#]/.test(form.topicPrefix)) errors.topicPrefix = { key: 'topicPrefix' };
      config = {
        type: 'mqtt',
        url: form.mqttUrl.trim(),
        username: form.username.trim() || null,
        topicPrefix: form.topicPrefix.trim(),
        retainState: form.retainState,
        rejectUnauthorized: form.rejectUnauthorized,
        ...(secret(form.password) ? { password: form.password } : {}),
        ...(form.ca.trim() ? { ca: form.ca.trim() } : {}),
      };
      break;
  }

  const templates: Record<string, string> = {};
  if (usesTemplates(form.type)) {
    for (const [key, text] of Object.entries(form.templates)) {
      if (text.trim() === '') continue;
      if (checkTemplate(text).some(isBlocking)) errors[`template.${key}`] = { key: 'template' };
      templates[key] = text;
    }
  }

  if (Object.keys(errors).length > 0 || !config) return { input: null, errors };
  return {
    input: {
      name,
      enabled: form.enabled,
      events: events.patterns.length > 0 ? events.patterns : ['*'],
      printers: printers.patterns,
      timeoutMs: Math.round(timeout! * 1000),
      maxAttempts: maxAttempts!,
      ordered: form.ordered,
      pauseAfterFailures: pauseAfter!,
      language: form.language,
      templates,
      config,
    },
    errors,
  };
}
