// What could go wrong with the URL a technician is about to give SimplyPrint, found before it is
// saved: SimplyPrint accepts any URL when the webhook is created, and only later does nothing arrive.
// - a Discord / Slack / Teams webhook URL makes SimplyPrint send that service's chat format instead
//   of its JSON envelope;
// - SimplyPrint's servers are on the internet, so a loopback, private, link-local, carrier-grade-NAT
//   or LAN-only name never reaches this PC (fine only for the "LAN only" choice);
// - the dashboard's address or a path other than the webhook's is a common copy-paste slip.

export type UrlWarningCode =
  | 'invalid'
  | 'not_http'
  | 'chat_discord'
  | 'chat_slack'
  | 'chat_teams'
  | 'loopback'
  | 'private'
  | 'link_local'
  | 'cgnat'
  | 'local_name'
  | 'control_port'
  | 'wrong_path';

export interface UrlWarning {
  code: UrlWarningCode;
  /** `problem`: nothing would arrive (or not as JSON); `warning`: likely, not certainly, wrong. */
  severity: 'problem' | 'warning';
  /** Values for the translated sentence: the host, the path found, the path expected. */
  params: { host?: string; path?: string; expected?: string };
}

export interface UrlWarningOptions {
  /** Paths the receiver accepts (the webhook path and its alias), without trailing slashes. */
  webhookPaths?: readonly string[];
  /** The dashboard's (control API's) port: a URL on it is the admin page, not the webhook. */
  controlPort?: number;
  /** The technician chose "LAN only": local addresses are then what they meant. */
  lanOnly?: boolean;
}

const CHAT_HOSTS: ReadonlyArray<{ code: UrlWarningCode; host: RegExp; path?: RegExp }> = [
  { code: 'chat_discord', host: /(^|\.)(discord|discordapp)\.com$/, path: /^\/api(\/v\d+)?\/webhooks\// },
  { code: 'chat_slack', host: /^hooks\.slack\.com$/ },
  { code: 'chat_teams', host: /(^|\.)webhook\.office\.com$/ },
  { code: 'chat_teams', host: /^outlook\.office(365)?\.com$/, path: /^\/webhook/ },
  // Teams "Workflows" (Power Automate) webhooks replaced the Office 365 connectors.
  { code: 'chat_teams', host: /\.logic\.azure\.com$/, path: /\/workflows\// },
  { code: 'chat_teams', host: /\.api\.powerplatform\.com$/, path: /\/workflows\// },
];

/** Names that only a local resolver knows (mDNS, router DNS, Docker). */
const LOCAL_SUFFIXES = ['.local', '.lan', '.home', '.internal', '.intranet', '.localdomain', '.home.arpa', '.corp', '.private'];

function ipv4(host: string): [number, number, number, number] | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!match) return null;
  const parts = match.slice(1).map(Number) as [number, number, number, number];
  return parts.every((n) => n <= 255) ? parts : null;
}

/** The address class of an IP literal (`host` as the URL parser gives it, IPv6 in brackets). */
function addressClass(host: string): 'loopback' | 'private' | 'link_local' | 'cgnat' | null {
  const v4 = ipv4(host);
  if (v4) {
    const [a, b] = v4;
    if (a === 127 || a === 0) return 'loopback';
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
    if (a === 169 && b === 254) return 'link_local';
    if (a === 100 && b >= 64 && b <= 127) return 'cgnat';
    return null;
  }
  if (!host.startsWith('[')) return null;
  const v6 = host.slice(1, -1).toLowerCase();
  if (v6 === '::1' || v6 === '::') return 'loopback';
  // IPv4-mapped (::ffff:10.0.0.5); the URL parser writes the tail in hex (::ffff:a00:5).
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(v6);
  if (mapped) {
    const high = parseInt(mapped[1]!, 16);
    const low = parseInt(mapped[2]!, 16);
    return addressClass(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  if (/^f[cd][0-9a-f]{0,2}:/.test(v6)) return 'private';
  if (/^fe[89ab][0-9a-f]?:/.test(v6)) return 'link_local';
  return null;
}

function defaultPort(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

const trimSlash = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path);

export function webhookUrlWarnings(input: string, options: UrlWarningOptions = {}): UrlWarning[] {
  const text = input.trim();
  if (!text) return [];
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return [{ code: 'invalid', severity: 'problem', params: {} }];
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return [{ code: 'not_http', severity: 'problem', params: {} }];
  const host = url.hostname.toLowerCase();
  const warnings: UrlWarning[] = [];

  for (const chat of CHAT_HOSTS) {
    if (chat.host.test(host) && (!chat.path || chat.path.test(url.pathname))) {
      warnings.push({ code: chat.code, severity: 'problem', params: { host } });
      break;
    }
  }

  if (!options.lanOnly) {
    const cls = host === 'localhost' || host.endsWith('.localhost') ? 'loopback' : addressClass(host);
    if (cls) {
      // A carrier-grade NAT address is not private to the farm, but it is not reachable either.
      warnings.push({ code: cls, severity: 'problem', params: { host } });
    } else if (!host.startsWith('[') && !ipv4(host) && (!host.includes('.') || LOCAL_SUFFIXES.some((s) => host.endsWith(s)))) {
      warnings.push({ code: 'local_name', severity: 'warning', params: { host } });
    }
  }

  if (options.controlPort !== undefined && defaultPort(url) === options.controlPort) {
    warnings.push({ code: 'control_port', severity: 'problem', params: { host } });
  }

  const paths = options.webhookPaths?.map(trimSlash);
  const path = trimSlash(url.pathname);
  if (paths && paths.length > 0 && !warnings.some((w) => w.code.startsWith('chat_')) && !paths.includes(path)) {
    warnings.push({ code: 'wrong_path', severity: 'problem', params: { path: url.pathname, expected: paths[0]! } });
  }
  return warnings;
}

/** True when SimplyPrint would certainly not deliver its JSON to FarmHook at this URL. */
export const hasProblem = (warnings: readonly UrlWarning[]) => warnings.some((w) => w.severity === 'problem');
