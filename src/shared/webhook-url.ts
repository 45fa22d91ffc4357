// What is wrong with a URL someone wants SimplyPrint to POST to, in plain words. Isomorphic: the
// wizard warns as the technician types, the core uses the same rules for its checks.
import { englishOf, healthMessage, type HealthMessage } from './health-messages.js';
import type { UrlWarning } from './setup.js';

export const WEBHOOK_PATH = '/api/v1/simplyprint/webhook';

/** SimplyPrint sends these services their own message format instead of the JSON envelope. */
const CHAT_HOSTS = [/(^|\.)discord(app)?\.com$/i, /^hooks\.slack\.com$/i, /(^|\.)webhook\.office\.com$/i, /(^|\.)logic\.azure\.com$/i];

function ipv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const n = parts.map(Number);
  return n.every((x) => x <= 255) ? n : null;
}

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || ipv4(h)?.[0] === 127;
}

/** RFC 1918, link-local, CGNAT and IPv6 unique-local / link-local: not reachable from the internet. */
export function isPrivateHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  const v4 = ipv4(h);
  if (v4) {
    const [a = 0, b = 0] = v4;
    return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  return /^f[cd][0-9a-f]{2}:/.test(h) || h.startsWith('fe80:') || h.endsWith('.local') || h.endsWith('.lan') || h.endsWith('.home.arpa');
}

/**
 * Accepts a base URL (`http://farm.example.net:13000`) or a full webhook URL and answers the base
 * (no trailing slash, no webhook path), or null when it is not an http(s) URL.
 */
export function normaliseBaseUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  let path = url.pathname.replace(/\/+$/, '');
  for (const suffix of [WEBHOOK_PATH, '/api/v1/simpleprint/webhook']) {
    if (path.endsWith(suffix)) path = path.slice(0, -suffix.length);
  }
  return `${url.protocol}//${url.host}${path}`;
}

const warning = (code: UrlWarning['code'], ref: HealthMessage): UrlWarning => ({ code, message: englishOf(ref), messageRef: ref });

/** Warnings for a URL SimplyPrint's servers (on the internet) are meant to POST to. */
export function webhookUrlWarnings(text: string, options: { controlPort?: number } = {}): UrlWarning[] {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return [warning('not_http', healthMessage('url_warning.not_web_address'))];
  }
  const warnings: UrlWarning[] = [];
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    warnings.push(warning('not_http', healthMessage('url_warning.not_http')));
  }
  const host = url.hostname;
  if (CHAT_HOSTS.some((re) => re.test(host))) {
    warnings.push(warning('chat_service', healthMessage('url_warning.chat_service')));
  }
  if (isLoopbackHost(host)) {
    warnings.push(warning('loopback', healthMessage('url_warning.loopback')));
  } else if (isPrivateHost(host)) {
    warnings.push(warning('private_address', healthMessage('url_warning.private_address')));
  }
  if (options.controlPort && url.port === String(options.controlPort)) {
    warnings.push(warning('admin_port', healthMessage('url_warning.admin_port', { port: options.controlPort })));
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (path !== '' && path !== WEBHOOK_PATH && !path.endsWith(WEBHOOK_PATH)) {
    warnings.push(warning('path_differs', healthMessage('url_warning.path_differs', { path: WEBHOOK_PATH })));
  }
  return warnings;
}
