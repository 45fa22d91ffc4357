// The pure rules behind the wizard's warnings and the tunnel supervisors: which webhook URLs cannot
// work, how a typed address becomes the base URL, which cloudflared log lines mean what, and which
// ngrok tunnel forwards to the receiver.
import { describe, expect, it } from 'vitest';
import { parseCloudflaredLine } from '../../src/health/tunnels/cloudflared-output.js';
import { forwardsToPort } from '../../src/health/tunnels/ngrok.js';
import { WEBHOOK_PATH as RECEIVER_PATH } from '../../src/receiver/paths.js';
import { normaliseBaseUrl, WEBHOOK_PATH, webhookUrlWarnings } from '../../src/shared/webhook-url.js';

const codes = (url: string) => webhookUrlWarnings(url, { controlPort: 13001 }).map((w) => w.code);

describe('webhook URL warnings', () => {
  it('uses the receiver\u2019s path', () => expect(WEBHOOK_PATH).toBe(RECEIVER_PATH));

  it('accepts public http and https webhook URLs', () => {
    expect(codes('http://farm.example.net:13000/api/v1/simplyprint/webhook')).toEqual([]);
    expect(codes('https://seasonal-deck-organisms-sf.trycloudflare.com/api/v1/simplyprint/webhook')).toEqual([]);
  });

  it('warns about chat webhooks SimplyPrint would send its chat format to', () => {
    expect(codes('https://discord.com/api/webhooks/123/abc')).toContain('chat_service');
    expect(codes('https://hooks.slack.com/services/T000/B000/XXX')).toContain('chat_service');
    expect(codes('https://contoso.webhook.office.com/webhookb2/abc')).toContain('chat_service');
  });

  it('warns about addresses SimplyPrint\u2019s servers cannot reach', () => {
    expect(codes('http://192.168.1.20:13000/api/v1/simplyprint/webhook')).toEqual(['private_address']);
    expect(codes('http://10.0.0.5:13000/api/v1/simplyprint/webhook')).toEqual(['private_address']);
    expect(codes('http://farm-pc.local:13000/api/v1/simplyprint/webhook')).toEqual(['private_address']);
    expect(codes('http://localhost:13000/api/v1/simplyprint/webhook')).toEqual(['loopback']);
    expect(codes('http://127.0.0.1:13000/api/v1/simplyprint/webhook')).toEqual(['loopback']);
    expect(codes('http://172.32.0.1:13000/api/v1/simplyprint/webhook')).toEqual([]);
  });

  it('warns about the dashboard port, another path, and non-URLs', () => {
    expect(codes('http://farm.example.net:13001/api/v1/simplyprint/webhook')).toContain('admin_port');
    expect(codes('http://farm.example.net:13000/webhook')).toEqual(['path_differs']);
    expect(codes('farm.example.net')).toEqual(['not_http']);
  });

  it('turns what the technician typed into the base URL', () => {
    expect(normaliseBaseUrl('http://farm.example.net:13000/api/v1/simplyprint/webhook/')).toBe('http://farm.example.net:13000');
    expect(normaliseBaseUrl(' https://x.trycloudflare.com/ ')).toBe('https://x.trycloudflare.com');
    expect(normaliseBaseUrl('http://proxy.example/farm/api/v1/simpleprint/webhook')).toBe('http://proxy.example/farm');
    expect(normaliseBaseUrl('ftp://x')).toBeNull();
  });
});

describe('cloudflared log lines', () => {
  it('finds the quick-tunnel URL in the box, not the API host or the docs link', () => {
    expect(parseCloudflaredLine('2025-01-01T00:00:00Z INF |  https://seasonal-deck-organisms-sf.trycloudflare.com                    |')).toEqual({ kind: 'url', url: 'https://seasonal-deck-organisms-sf.trycloudflare.com' });
    expect(parseCloudflaredLine('failed to request quick Tunnel: Post "https://api.trycloudflare.com/tunnel": dial tcp: lookup api.trycloudflare.com: no such host')?.kind).toBe('error');
    expect(parseCloudflaredLine('INF Thank you for trying Cloudflare Tunnel. ... https://developers.cloudflare.com/cloudflare-one/connections/connect-apps')).toBeNull();
  });

  it('recognises connections, the rate limit and blocked QUIC', () => {
    expect(parseCloudflaredLine('INF Registered tunnel connection connIndex=0 connection=x event=0 ip=198.41.192.7 location=ams01 protocol=quic')).toEqual({ kind: 'registered' });
    expect(parseCloudflaredLine('ERR Error unmarshaling QuickTunnel response: error code: 1015 error="invalid character" status_code="429 Too Many Requests"')).toEqual({ kind: 'rate_limited' });
    expect(parseCloudflaredLine('ERR Failed to dial a quic connection error="failed to dial to edge with quic: timeout: no recent network activity"')).toEqual({ kind: 'udp_blocked' });
  });
});

describe('which ngrok tunnel is ours', () => {
  it('matches the forms the agent reports', () => {
    for (const addr of ['http://localhost:13000', 'localhost:13000', '127.0.0.1:13000', '13000', 'http://127.0.0.1:13000/']) expect(forwardsToPort(addr, 13000)).toBe(true);
    for (const addr of ['http://localhost:113000', 'localhost:1300', 13001, undefined]) expect(forwardsToPort(addr, 13000)).toBe(false);
  });
});
