// Reading cloudflared's log lines (stderr) for what a quick tunnel is doing. The lines are not a
// stable interface, so each is only a hint; the metrics server (`/quicktunnel`, `/ready`) is the
// authority when it answers.
//   INF |  https://seasonal-deck-organisms-sf.trycloudflare.com   |       (the URL box)
//   INF Registered tunnel connection connIndex=0 ... protocol=quic        (an edge connection)
//   ERR Error unmarshaling QuickTunnel response: ... status_code="429 Too Many Requests"
//   failed to unmarshal quick Tunnel: invalid character 'e' looking for beginning of value
//   ERR Failed to dial a quic connection error="failed to dial to edge with quic: timeout: ..."
//   ... your machine/network is getting its egress UDP to port 7844 (or others) blocked or dropped.

export type CloudflaredLine =
  | { kind: 'url'; url: string }
  | { kind: 'registered' }
  | { kind: 'rate_limited' }
  | { kind: 'udp_blocked' }
  | { kind: 'error'; text: string }
  | null;

const URL_RE = /https:\/\/[a-z0-9-]+\.trycloudflare\.com\b/i;

export function parseCloudflaredLine(line: string): CloudflaredLine {
  // api.trycloudflare.com is the endpoint cloudflared asks for a tunnel, not the tunnel's URL.
  const url = URL_RE.exec(line)?.[0];
  if (url && !/^https:\/\/api\./i.test(url)) return { kind: 'url', url: url.toLowerCase() };
  if (/429 Too Many Requests|error code: 1015/i.test(line)) return { kind: 'rate_limited' };
  if (/Registered tunnel connection/i.test(line)) return { kind: 'registered' };
  if (/quic/i.test(line) && /(failed to dial|timeout|blocked|no recent network activity)/i.test(line)) return { kind: 'udp_blocked' };
  if (/\b(ERR|error|failed)\b/i.test(line)) return { kind: 'error', text: line.replace(/^\S+Z\s+/, '').trim().slice(0, 300) };
  return null;
}
