// The public address a technician types for a router port forward (a DDNS name or the router's
// public IP, and the port opened on the router), turned into the base URL FarmHook saves, and back.
import { normaliseBaseUrl, WEBHOOK_PATH } from '../../../../src/shared/webhook-url.js';

export interface PublicAddress {
  host: string;
  port: string;
}

/** `http://host:port`; a full URL typed into the host field is taken as it is. Null while incomplete. */
export function composeBaseUrl({ host, port }: PublicAddress): string | null {
  const name = host.trim();
  if (!name) return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(name)) return normaliseBaseUrl(name);
  const bare = name.replace(/\/.*$/, '');
  const hostPart = bare.includes(':') && !bare.startsWith('[') ? `[${bare}]` : bare;
  const portText = port.trim();
  return normaliseBaseUrl(`http://${hostPart}${portText && portText !== '80' ? `:${portText}` : ''}`);
}

/** Splits a saved base URL back into the two fields (an https or path-bearing URL stays whole). */
export function splitBaseUrl(base: string | null, defaultPort: number): PublicAddress {
  if (!base) return { host: '', port: String(defaultPort) };
  try {
    const url = new URL(base);
    if (url.protocol === 'http:' && (url.pathname === '/' || url.pathname === '')) {
      return { host: url.hostname.replace(/^\[|\]$/g, ''), port: url.port || '80' };
    }
  } catch {
    // not a URL: show it as typed
  }
  return { host: base, port: String(defaultPort) };
}

export const webhookUrlOf = (base: string | null): string | null => (base ? `${base}${WEBHOOK_PATH}` : null);
